"""sigmoid uses 1 / (1 + e^-x) directly, which overflows for x = -1000 (kits.md #9)."""
BREAKS = ['sigmoid']
REPLACE = [
    ('    z = np.exp(-np.abs(x))  # in (0, 1]: never overflows\n    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))',
     '    return 1.0 / (1.0 + np.exp(-x))'),
]
