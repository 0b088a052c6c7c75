"""The sigmoid-output loss divides by N * n_output (an MSE-style mean) instead of by N."""
BREAKS = ["ThreeLayerNet.loss", "ThreeLayerNet.gradient", "ThreeLayerNet.numerical_gradient"]
REPLACE = [("data = 0.5 * np.sum((out - Tm) ** 2) / N", "data = 0.5 * np.sum((out - Tm) ** 2) / Tm.size")]
