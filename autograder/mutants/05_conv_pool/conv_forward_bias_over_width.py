"""conv_forward adds b along the last (width) axis instead of per filter (kits.md #45)."""
BREAKS = ["conv_forward"]
REPLACE = [("out += b[None, :, None, None]", "out += b")]
