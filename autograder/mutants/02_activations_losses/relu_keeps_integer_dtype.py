"""relu is np.maximum(x, 0), which returns integers for integer input."""
BREAKS = ['relu']
REPLACE = [
    ('    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)',
     '    return np.maximum(x, 0)'),
]
