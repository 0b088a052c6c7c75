"""steepest_descent tests the gradient norm only after stepping, so it takes one step too many."""
BREAKS = ["steepest_descent"]
REPLACE = [("        if np.linalg.norm(g) < tol:\n            break\n        H = np.asarray(hess(x), dtype=np.float64)\n"
            "        alpha = (g @ g) / (g @ H @ g)\n        x = x - alpha * g\n        trajectory.append(x)\n",
            "        H = np.asarray(hess(x), dtype=np.float64)\n"
            "        alpha = (g @ g) / (g @ H @ g) if g @ g > 0 else 0.0\n        x = x - alpha * g\n"
            "        trajectory.append(x)\n        if np.linalg.norm(g) < tol:\n            break\n")]
