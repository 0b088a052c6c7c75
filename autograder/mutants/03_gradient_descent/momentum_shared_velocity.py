"""Momentum keeps one velocity for all keys (state stored under a fixed name, not per key)."""
BREAKS = ["Momentum.update"]
REPLACE = [("v = self.v.get(key, np.zeros_like(params[key], dtype=np.float64))",
            "v = self.v.get(\"v\", np.zeros_like(params[key], dtype=np.float64))"),
           ("            self.v[key] = v\n            params[key] += v", "            self.v[\"v\"] = v\n            params[key] += v")]
