"""global_avg_pool_forward sums each map instead of averaging it."""
BREAKS = ["global_avg_pool_forward"]
REPLACE = [("out = x.mean(axis=(2, 3))", "out = x.sum(axis=(2, 3))")]
