"""gaussian_kernel uses offsets -size/2 ... with true division, so the kernel is off-centre and asymmetric."""
BREAKS = ["gaussian_kernel"]
REPLACE = [("r = np.arange(size) - size // 2", "r = np.arange(size) - size / 2")]
