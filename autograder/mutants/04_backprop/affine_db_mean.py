"""db averages dout over the batch instead of summing it (kits.md #35; invisible at N=1)."""
BREAKS = ["affine_backward"]
REPLACE = [("db = dout.sum(axis=0)", "db = dout.mean(axis=0)")]
