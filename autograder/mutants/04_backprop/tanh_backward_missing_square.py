"""tanh's derivative written as 1 - tanh(x) instead of 1 - tanh(x)^2 (kits.md #10)."""
BREAKS = ["tanh_backward"]
REPLACE = [("* (1.0 - out ** 2)", "* (1.0 - out)")]
