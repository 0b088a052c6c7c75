"""Momentum starts from a zero velocity at every call, so it is plain SGD (kits.md #26)."""
BREAKS = ["Momentum.update"]
REPLACE = [("v = self.v.get(key, np.zeros_like(params[key], dtype=np.float64))",
            "v = np.zeros_like(params[key], dtype=np.float64)")]
