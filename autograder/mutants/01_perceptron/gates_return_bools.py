"""The gates return booleans instead of 0/1 integers (kits.md #3)."""
BREAKS = ["AND", "NAND", "OR", "NOR", "XOR", "XNOR"]
REPLACE = [("out = step(w1 * x1 + w2 * x2 + b).astype(np.int64)\n    return int(out) if out.ndim == 0 else out",
            "out = step(w1 * x1 + w2 * x2 + b) > 0\n    return bool(out) if out.ndim == 0 else out")]
