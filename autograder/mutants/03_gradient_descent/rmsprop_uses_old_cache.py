"""RMSProp divides by the cache of the previous call (h updated after the step; kits.md #30)."""
BREAKS = ["RMSProp.update"]
REPLACE = [("            h = rho * self.h.get(key, 0.0) + (1 - rho) * g * g\n            self.h[key] = h\n"
            "            params[key] -= self.lr * g / (np.sqrt(h) + self.eps)\n",
            "            h_old = self.h.get(key, (1 - rho) * g * g)\n"
            "            params[key] -= self.lr * g / (np.sqrt(h_old) + self.eps)\n"
            "            self.h[key] = rho * self.h.get(key, 0.0) + (1 - rho) * g * g\n")]
