"""sign uses np.sign, which gives 0 at z == 0 instead of +1."""
BREAKS = ["sign"]
REPLACE = [("return np.where(np.asarray(z) >= 0, 1.0, -1.0)", "return np.sign(np.asarray(z, dtype=np.float64))")]
