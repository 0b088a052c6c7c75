"""fit_linear_regression drops the last, shorter mini-batch, so some samples are never used (kits.md #32)."""
BREAKS = ["fit_linear_regression"]
REPLACE = [("for i in range(0, N, batch_size)]", "for i in range(0, N - batch_size + 1, batch_size)]")]
