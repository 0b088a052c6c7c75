"""Adam skips the bias correction, so its first steps are about 3.16 lr (kits.md #27)."""
BREAKS = ["Adam.update"]
REPLACE = [("m_hat = m / (1 - b1 ** self.t)", "m_hat = m"), ("v_hat = v / (1 - b2 ** self.t)", "v_hat = v")]
