"""AdaGrad puts eps inside the square root: g / sqrt(h + eps)."""
BREAKS = ["AdaGrad.update"]
REPLACE = [("h = self.h.get(key, 0.0) + g * g\n            self.h[key] = h\n            params[key] -= self.lr * g / (np.sqrt(h) + self.eps)",
            "h = self.h.get(key, 0.0) + g * g\n            self.h[key] = h\n            params[key] -= self.lr * g / np.sqrt(h + self.eps)")]
