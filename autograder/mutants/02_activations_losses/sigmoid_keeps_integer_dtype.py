"""sigmoid fills np.zeros_like(x), so integer input is truncated to integers (kits.md #24)."""
BREAKS = ['sigmoid']
REPLACE = [
    ('    x = np.asarray(x, dtype=np.float64)\n    z = np.exp(-np.abs(x))  # in (0, 1]: never overflows\n    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))',
     '    x = np.asarray(x)\n    z = np.exp(-np.abs(x))\n    out = np.zeros_like(x)\n    out[...] = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))\n    return out'),
]
