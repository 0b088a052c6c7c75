"""avg_pool_backward copies dout to every cell of the window without dividing by the window size (kits.md #49)."""
BREAKS = ["avg_pool_backward"]
REPLACE = [("share = dout / (pool_size * pool_size)", "share = dout")]
