"""elu_grad returns e^x instead of alpha e^x for x < 0 (kits.md #13)."""
BREAKS = ['elu_grad']
REPLACE = [
    ('    return np.where(x >= 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))',
     '    return np.where(x >= 0, 1.0, np.exp(np.minimum(x, 0.0)))'),
]
