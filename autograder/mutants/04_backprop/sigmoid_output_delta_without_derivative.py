"""The sigmoid output's delta is (o - t) / N, forgetting the factor o(1 - o) of 004 eq 5-16."""
BREAKS = ["ThreeLayerNet.gradient", "ThreeLayerNet.train_step"]
REPLACE = [("delta2 = (out - Tm) * out * (1.0 - out) / N", "delta2 = (out - Tm) / N")]
