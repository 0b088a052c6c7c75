"""The weight-decay gradient is lambda W / 2 instead of lambda W (kits.md #37)."""
BREAKS = ["ThreeLayerNet.gradient"]
REPLACE = [('dW1 + lam * self.params["W1"]', 'dW1 + 0.5 * lam * self.params["W1"]'),
           ('dW2 + lam * self.params["W2"]', 'dW2 + 0.5 * lam * self.params["W2"]')]
