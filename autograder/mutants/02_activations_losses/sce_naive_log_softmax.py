"""softmax_cross_entropy takes log(e^x / sum e^x) directly: overflow for huge logits."""
BREAKS = ['softmax_cross_entropy']
REPLACE = [
    ('    log_s = shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))',
     '    log_s = np.log(np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True))'),
]
