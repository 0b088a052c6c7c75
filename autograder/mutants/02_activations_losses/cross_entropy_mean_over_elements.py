"""cross_entropy 'mean' averages over all N * K elements instead of the N samples (kits.md #20)."""
BREAKS = ['cross_entropy']
REPLACE = [
    ('    n = p.size // p.shape[-1] if p.ndim else 1',
     '    n = p.size'),
]
