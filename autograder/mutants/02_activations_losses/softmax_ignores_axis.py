"""softmax normalises over the last axis whatever `axis` says (kits.md #7)."""
BREAKS = ['softmax']
REPLACE = [
    ('    return e / np.sum(e, axis=axis, keepdims=True)',
     '    return e / np.sum(e, axis=-1, keepdims=True)'),
]
