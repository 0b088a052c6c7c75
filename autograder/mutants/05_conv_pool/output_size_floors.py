"""conv_output_size rounds down when the stride does not tile the input instead of raising ValueError (kits.md #43)."""
BREAKS = ["conv_output_size"]
REPLACE = [("if span < 0 or span % stride != 0:", "if span < 0:")]
