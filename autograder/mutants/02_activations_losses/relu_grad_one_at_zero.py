"""relu_grad is 1 at x = 0 (the x >= 0 convention of some books) instead of 0 (kits.md #11)."""
BREAKS = ['relu_grad']
REPLACE = [
    ('    return (np.asarray(x) > 0).astype(np.float64)',
     '    return (np.asarray(x) >= 0).astype(np.float64)'),
]
