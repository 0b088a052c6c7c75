"""softmax_cross_entropy_grad divides by K (classes) instead of N (samples): invisible when N == K (kits.md #36)."""
BREAKS = ['softmax_cross_entropy_grad']
REPLACE = [
    ('- t\n    n = x.size // x.shape[-1] if x.ndim else 1',
     '- t\n    n = x.shape[-1]'),
]
