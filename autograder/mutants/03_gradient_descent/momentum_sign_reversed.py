"""Momentum adds the gradient step with the wrong sign: v <- mu v + lr g (kits.md #25)."""
BREAKS = ["Momentum.update"]
REPLACE = [("v = self.momentum * v - self.lr * grads[key]", "v = self.momentum * v + self.lr * grads[key]")]
