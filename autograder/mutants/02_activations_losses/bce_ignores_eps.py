"""binary_cross_entropy clips with a hard-coded 1e-7 instead of the eps argument."""
BREAKS = ['binary_cross_entropy']
REPLACE = [
    ('    pc = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0 - eps)',
     '    pc = np.clip(np.asarray(p, dtype=np.float64), 1e-7, 1.0 - 1e-7)'),
]
