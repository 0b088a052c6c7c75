"""mse does not check shapes: (N, 1) against (N,) silently broadcasts to (N, N) (kits.md #15)."""
BREAKS = ['mse']
REPLACE = [
    ('    _check_same_shape(y_pred, y_true)\n    d = np.asarray(y_pred, dtype=np.float64) - np.asarray(y_true, dtype=np.float64)\n    total = float(np.sum(d * d))',
     '    d = np.asarray(y_pred, dtype=np.float64) - np.asarray(y_true, dtype=np.float64)\n    total = float(np.sum(d * d))'),
]
