"""conjugate_gradient never checks that A is symmetric."""
BREAKS = ["conjugate_gradient"]
REPLACE = [("    if np.max(np.abs(A - A.T), initial=0.0) > 1e-10 * np.max(np.abs(A), initial=0.0):\n"
            "        raise ValueError(\"A must be symmetric (A == A.T up to 1e-10 relative)\")\n", "")]
