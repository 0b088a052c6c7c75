"""avg_pool_backward divides by pool_size * stride: right only when the stride equals the window size."""
BREAKS = ["avg_pool_backward"]
REPLACE = [("share = dout / (pool_size * pool_size)", "share = dout / (pool_size * stride)")]
