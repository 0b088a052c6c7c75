"""steepest_descent inverts the exact line-search step: alpha = g^T H g / g^T g (kits.md #33)."""
BREAKS = ["steepest_descent"]
REPLACE = [("alpha = (g @ g) / (g @ H @ g)", "alpha = (g @ H @ g) / (g @ g)")]
