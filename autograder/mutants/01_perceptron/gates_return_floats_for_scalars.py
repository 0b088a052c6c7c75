"""The gates return a float (or 0-d array) for scalar inputs instead of an int."""
BREAKS = ["AND", "NAND", "OR", "NOR", "XOR", "XNOR"]
REPLACE = [("return int(out) if out.ndim == 0 else out", "return out.astype(np.float64)[()] if out.ndim == 0 else out")]
