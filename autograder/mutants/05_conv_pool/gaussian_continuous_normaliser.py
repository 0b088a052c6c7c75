"""gaussian_kernel divides by the continuous constant 2 pi sigma^2 instead of the sum: the kernel no longer sums to 1 (off by a few percent for moderate sigma)."""
BREAKS = ["gaussian_kernel"]
REPLACE = [("return g / g.sum()", "return g / (2.0 * np.pi * sigma ** 2)")]
