"""Adam increments t once per key instead of once per update call."""
BREAKS = ["Adam.update"]
REPLACE = [("        self.t += 1\n        b1, b2 = self.beta1, self.beta2\n        for key in params:\n",
            "        b1, b2 = self.beta1, self.beta2\n        for key in params:\n            self.t += 1\n")]
