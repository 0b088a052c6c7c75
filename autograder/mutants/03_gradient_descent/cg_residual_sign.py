"""conjugate_gradient updates the residual with the wrong sign, r <- r + lambda A p (kits.md #34)."""
BREAKS = ["conjugate_gradient"]
REPLACE = [("r = r - lam * Ap", "r = r + lam * Ap")]
