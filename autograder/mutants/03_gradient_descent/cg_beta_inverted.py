"""conjugate_gradient uses beta = r_i^T r_i / r_{i+1}^T r_{i+1}, the Fletcher-Reeves ratio upside down (kits.md #34)."""
BREAKS = ["conjugate_gradient"]
REPLACE = [("p = r + (rs_new / rs) * p", "p = r + (rs / rs_new) * p")]
