"""conv_forward pads with np.pad(x, pad), which also pads the batch and channel axes (kits.md #44)."""
BREAKS = ["conv_forward"]
REPLACE = [("xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))\n    out = np.zeros((N, F, Ho, Wo))",
            "xp = np.pad(x, pad)\n    out = np.zeros((N, F, Ho, Wo))")]
