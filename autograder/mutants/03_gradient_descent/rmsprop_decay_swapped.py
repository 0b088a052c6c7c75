"""RMSProp weights old and new the wrong way round: h <- (1 - rho) h + rho g^2."""
BREAKS = ["RMSProp.update"]
REPLACE = [("h = rho * self.h.get(key, 0.0) + (1 - rho) * g * g", "h = (1 - rho) * self.h.get(key, 0.0) + rho * g * g")]
