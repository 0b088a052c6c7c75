"""leaky_relu_grad uses x > 0, so the derivative at the kink x = 0 is alpha instead of 1."""
BREAKS = ['leaky_relu_grad']
REPLACE = [
    ('    return np.where(x >= 0, 1.0, alpha)',
     '    return np.where(x > 0, 1.0, alpha)'),
]
