"""huber_grad clips at +-1 instead of +-delta (kits.md #17)."""
BREAKS = ['huber_grad']
REPLACE = [
    ('    grad = np.clip(d, -delta, delta)',
     '    grad = np.clip(d, -1.0, 1.0)'),
]
