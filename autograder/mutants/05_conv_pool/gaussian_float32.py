"""gaussian_kernel is computed in float32: entries agree to ~1e-7, but the kernel no longer sums to 1 to 1e-12."""
BREAKS = ["gaussian_kernel"]
REPLACE = [("return g / g.sum()", "g = g.astype(np.float32)\n    return g / g.sum()")]
