"""l1_grad is +1 at d = 0 (np.where(d >= 0, 1, -1)) instead of 0."""
BREAKS = ['l1_grad']
REPLACE = [
    ('    grad = np.sign(d)',
     '    grad = np.where(d >= 0, 1.0, -1.0)'),
]
