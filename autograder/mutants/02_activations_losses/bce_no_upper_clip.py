"""binary_cross_entropy clips p to [eps, 1] only, so log(1 - p) is log(0) at p = 1 (kits.md #21)."""
BREAKS = ['binary_cross_entropy']
REPLACE = [
    ('    pc = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0 - eps)',
     '    pc = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0)'),
]
