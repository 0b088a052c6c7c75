"""softmax subtracts the max in place (x -= max), changing the caller's array (kits.md #23)."""
BREAKS = ['softmax']
REPLACE = [
    ('    shifted = x - np.max(x, axis=axis, keepdims=True)',
     '    x -= np.max(x, axis=axis, keepdims=True)\n    shifted = x'),
]
