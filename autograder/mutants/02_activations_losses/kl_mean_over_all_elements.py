"""kl_divergence 'mean' divides by every element (N * K) instead of the number of distributions N."""
BREAKS = ['kl_divergence']
REPLACE = [
    ('    n = per.size // per.shape[-1] if per.ndim else 1',
     '    n = per.size'),
]
