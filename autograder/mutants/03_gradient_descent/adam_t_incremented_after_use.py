"""Adam bumps t again after the update, so from the second call on the bias correction uses the wrong t (kits.md #28)."""
BREAKS = ["Adam.update"]
REPLACE = [("            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)\n",
            "            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)\n        self.t += 1\n")]
