"""NOR has NAND's weights and bias."""
BREAKS = ["NOR"]
REPLACE = [("return _gate(x1, x2, -0.5, -0.5, 0.2)", "return _gate(x1, x2, -0.5, -0.5, 0.7)")]
