"""conv_output_size only checks divisibility, so a filter larger than the input gives a size <= 0."""
BREAKS = ["conv_output_size"]
REPLACE = [("if span < 0 or span % stride != 0:", "if span % stride != 0:")]
