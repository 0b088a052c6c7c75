"""Class labels of shape (N, 1) are flattened instead of rejected."""
BREAKS = ['cross_entropy', 'softmax_cross_entropy', 'cross_entropy_grad', 'softmax_cross_entropy_grad']
REPLACE = [
    ('    if t.shape != probs_shape[:-1]:\n',
     '    if t.size == int(np.prod(probs_shape[:-1])) and t.dtype.kind in "iu":\n        t = t.reshape(probs_shape[:-1])\n    if t.shape != probs_shape[:-1]:\n'),
]
