"""relu_backward keeps dout where dout > 0 instead of where x > 0 (kits.md #11)."""
BREAKS = ["relu_backward"]
REPLACE = [("    return np.where(mask, np.asarray(dout, dtype=np.float64), 0.0)",
            "    dout = np.asarray(dout, dtype=np.float64)\n    return np.where(dout > 0, dout, 0.0)")]
