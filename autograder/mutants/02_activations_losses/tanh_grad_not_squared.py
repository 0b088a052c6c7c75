"""tanh_grad is 1 - tanh(x) instead of 1 - tanh(x)^2 (kits.md #10)."""
BREAKS = ['tanh_grad']
REPLACE = [
    ('    return 1.0 - t * t',
     '    return 1.0 - t'),
]
