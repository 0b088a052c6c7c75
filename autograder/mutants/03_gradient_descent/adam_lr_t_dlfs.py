"""Adam uses the lr_t form with eps on the uncorrected sqrt(v) (as in DLFS), not eps after sqrt(v_hat)."""
BREAKS = ["Adam.update"]
REPLACE = [("            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)\n",
            "            lr_t = self.lr * np.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)\n"
            "            params[key] -= lr_t * m / (np.sqrt(v) + self.eps)\n")]
