"""The output delta is not divided by N, so the gradient is that of the summed loss (kits.md #36)."""
BREAKS = ["ThreeLayerNet.gradient"]
REPLACE = [("delta2 = (out - Tm) * out * (1.0 - out) / N", "delta2 = (out - Tm) * out * (1.0 - out)"),
           ("delta2 = (out - Tm) / N", "delta2 = out - Tm")]
