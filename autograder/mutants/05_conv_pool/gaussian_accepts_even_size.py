"""gaussian_kernel accepts an even size (which has no centre) instead of raising ValueError."""
BREAKS = ["gaussian_kernel"]
REPLACE = [("if size <= 0 or size % 2 == 0:", "if size <= 0:")]
