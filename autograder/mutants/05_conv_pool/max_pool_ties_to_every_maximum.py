"""max_pool_backward routes a window's gradient to every tied maximum, not only the first (kits.md #47)."""
BREAKS = ["max_pool_backward"]
REPLACE = [("first = (x[cells] == out) & ~taken", "first = x[cells] == out")]
