"""softmax exponentiates the raw scores without subtracting the max: overflow for [1000, 1001, 1002] (kits.md #6)."""
BREAKS = ['softmax']
REPLACE = [
    ('    shifted = x - np.max(x, axis=axis, keepdims=True)',
     '    shifted = x'),
]
