"""Xavier init scales by the variance 1/fan_in instead of the std sqrt(1/fan_in) (kits.md #40)."""
BREAKS = ["ThreeLayerNet"]
REPLACE = [("return np.sqrt(1.0 / fan_in)", "return 1.0 / fan_in")]
