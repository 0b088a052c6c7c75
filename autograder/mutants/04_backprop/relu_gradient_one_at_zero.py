"""ReLU lets the gradient through at x == 0 (mask x >= 0), against the stated convention."""
BREAKS = ["relu_backward"]
REPLACE = [("    mask = x > 0\n", "    mask = x >= 0\n")]
