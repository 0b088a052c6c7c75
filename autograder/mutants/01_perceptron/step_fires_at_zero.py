"""step fires at z >= 0 instead of z > 0 (kits.md #1)."""
BREAKS = ["step"]
REPLACE = [("return (np.asarray(z) > 0).astype(np.float64)", "return (np.asarray(z) >= 0).astype(np.float64)")]
