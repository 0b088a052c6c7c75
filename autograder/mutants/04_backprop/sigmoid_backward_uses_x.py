"""sigmoid's derivative written as s(x) * (1 - x) instead of s(x) * (1 - s(x)) (kits.md #8)."""
BREAKS = ["sigmoid_backward"]
REPLACE = [
    ("    out = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))\n    return out, out",
     "    out = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))\n    return out, (out, x)"),
    ("    out = cache\n    return np.asarray(dout, dtype=np.float64) * out * (1.0 - out)",
     "    out, x = cache\n    return np.asarray(dout, dtype=np.float64) * out * (1.0 - x)"),
]
