"""softmax_backward uses only the Jacobian's diagonal s(1 - s) (kits.md #22)."""
BREAKS = ['softmax_backward']
REPLACE = [
    ('    return s * (dout - np.sum(dout * s, axis=axis, keepdims=True))',
     '    return s * (1.0 - s) * dout'),
]
