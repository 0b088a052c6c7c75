"""AND's bias is too small, so it behaves like OR."""
BREAKS = ["AND"]
REPLACE = [("return _gate(x1, x2, 0.5, 0.5, -0.7)", "return _gate(x1, x2, 0.5, 0.5, -0.4)")]
