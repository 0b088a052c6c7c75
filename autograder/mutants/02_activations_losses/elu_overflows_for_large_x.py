"""elu evaluates alpha (e^x - 1) on every entry, which overflows for large positive x."""
BREAKS = ['elu']
REPLACE = [
    ('    return np.where(x >= 0, x, alpha * np.expm1(np.minimum(x, 0.0)))',
     '    return np.where(x >= 0, x, alpha * (np.exp(x) - 1.0))'),
]
