"""gaussian_kernel divides by 2 sigma instead of 2 sigma^2: right only for sigma = 1."""
BREAKS = ["gaussian_kernel"]
REPLACE = [("/ (2.0 * sigma ** 2))", "/ (2.0 * sigma))")]
