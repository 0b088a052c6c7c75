"""conv2d_single flips the kernel (true convolution instead of cross-correlation, kits.md #42)."""
BREAKS = ["conv2d_single"]
REPLACE = [("out += kernel[m, n] * xp[", "out += kernel[HH - 1 - m, WW - 1 - n] * xp[")]
