"""conv_forward pads by repeating the border pixels (np.pad mode="edge") instead of with zeros."""
BREAKS = ["conv_forward"]
REPLACE = [("xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))\n    out = np.zeros((N, F, Ho, Wo))",
            "xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode=\"edge\")\n    out = np.zeros((N, F, Ho, Wo))")]
