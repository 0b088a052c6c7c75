"""affine_forward forgets to add the bias."""
BREAKS = ["affine_forward"]
REPLACE = [("    out = x @ W + b\n", "    out = x @ W\n")]
