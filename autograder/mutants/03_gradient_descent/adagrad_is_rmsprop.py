"""AdaGrad keeps a moving average of g^2 (RMSProp) instead of the running sum (kits.md #29)."""
BREAKS = ["AdaGrad.update"]
REPLACE = [("h = self.h.get(key, 0.0) + g * g", "h = 0.99 * self.h.get(key, 0.0) + 0.01 * g * g")]
