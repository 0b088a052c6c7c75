"""relu_backward zeroes dout in place and returns it, changing the caller's array (DLFS's Relu)."""
BREAKS = ["relu_backward"]
REPLACE = [("    mask = cache\n    return np.where(mask, np.asarray(dout, dtype=np.float64), 0.0)",
            "    mask = cache\n    dout[~mask] = 0.0\n    return dout")]
