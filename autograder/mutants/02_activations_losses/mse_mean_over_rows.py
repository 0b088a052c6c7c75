"""mse 'mean' divides by len(y_pred) (the rows) instead of the number of elements: right only for 1-D input."""
BREAKS = ['mse']
REPLACE = [
    ('    total = float(np.sum(d * d))\n    return total / d.size',
     '    total = float(np.sum(d * d))\n    return total / len(d)'),
]
