"""step returns the input's dtype (integers for integer z) instead of float64 (kits.md #24)."""
BREAKS = ["step"]
REPLACE = [("return (np.asarray(z) > 0).astype(np.float64)", "z = np.asarray(z)\n    return (z > 0).astype(z.dtype)")]
