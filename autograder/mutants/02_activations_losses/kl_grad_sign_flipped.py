"""kl_divergence_grad returns +p/q instead of -p/q."""
BREAKS = ['kl_divergence_grad']
REPLACE = [
    ('    grad = np.where(inside, -p / q, 0.0)',
     '    grad = np.where(inside, p / q, 0.0)'),
]
