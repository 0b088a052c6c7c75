"""softmax_backward sums dout * s over the last axis whatever `axis` says: right only for axis=-1."""
BREAKS = ['softmax_backward']
REPLACE = [
    ('    return s * (dout - np.sum(dout * s, axis=axis, keepdims=True))',
     '    return s * (dout - np.sum(dout * s, axis=-1, keepdims=True))'),
]
