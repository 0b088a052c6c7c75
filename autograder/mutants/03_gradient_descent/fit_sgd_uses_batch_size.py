"""fit_linear_regression's "sgd" uses batch_size instead of single samples."""
BREAKS = ["fit_linear_regression"]
REPLACE = [("    if method == \"sgd\":\n        batch_size = 1\n", "")]
