"""steepest_descent evaluates the Hessian once at x0 and reuses it (right on quadratics only)."""
BREAKS = ["steepest_descent"]
REPLACE = [("        H = np.asarray(hess(x), dtype=np.float64)\n        alpha = (g @ g) / (g @ H @ g)",
            "        H = np.asarray(hess(trajectory[0]), dtype=np.float64)\n        alpha = (g @ g) / (g @ H @ g)")]
