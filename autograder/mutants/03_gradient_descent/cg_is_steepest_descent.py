"""conjugate_gradient forgets the previous direction (p = r): it is steepest descent and needs far more than n steps."""
BREAKS = ["conjugate_gradient"]
REPLACE = [("p = r + (rs_new / rs) * p", "p = r.copy()")]
