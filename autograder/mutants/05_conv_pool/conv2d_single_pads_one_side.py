"""conv2d_single pads only after the image (bottom and right), shifting the output when padding > 0."""
BREAKS = ["conv2d_single"]
REPLACE = [("xp = np.pad(image, padding)", "xp = np.pad(image, ((0, 2 * padding), (0, 2 * padding)))")]
