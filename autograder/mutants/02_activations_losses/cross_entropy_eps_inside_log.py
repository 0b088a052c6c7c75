"""cross_entropy adds 1e-7 inside the log instead of clipping with eps: off by up to 1e-7/p, and wrong for p = 0."""
BREAKS = ['cross_entropy']
REPLACE = [
    ('    per = -t * np.log(np.clip(p, eps, 1.0))',
     '    per = -t * np.log(p + 1e-7)'),
]
