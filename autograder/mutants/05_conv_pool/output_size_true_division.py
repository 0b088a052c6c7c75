"""conv_output_size uses true division and returns a float such as 3.0 (kits.md #43)."""
BREAKS = ["conv_output_size"]
REPLACE = [("return int(span // stride + 1)", "return span / stride + 1")]
