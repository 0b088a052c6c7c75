"""mse_grad forgets the 2 of d(d^2)/dd (kits.md #14)."""
BREAKS = ['mse_grad']
REPLACE = [
    ('    grad = 2.0 * d',
     '    grad = d'),
]
