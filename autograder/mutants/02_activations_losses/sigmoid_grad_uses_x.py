"""sigmoid_grad is written s(x)(1 - x) instead of s(x)(1 - s(x)) (kits.md #8)."""
BREAKS = ['sigmoid_grad']
REPLACE = [
    ('    return s * (1.0 - s)',
     '    return s * (1.0 - np.asarray(x, dtype=np.float64))'),
]
