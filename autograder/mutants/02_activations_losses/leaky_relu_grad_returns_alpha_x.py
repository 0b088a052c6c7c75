"""leaky_relu_grad returns alpha * x instead of alpha for x < 0 (kits.md #12)."""
BREAKS = ['leaky_relu_grad']
REPLACE = [
    ('    return np.where(x >= 0, 1.0, alpha)',
     '    return np.where(x >= 0, 1.0, alpha * x)'),
]
