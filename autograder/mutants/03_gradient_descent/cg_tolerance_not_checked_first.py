"""conjugate_gradient steps before testing the residual, so a starting point that solves the system gives 0/0."""
BREAKS = ["conjugate_gradient"]
REPLACE = [("        if np.sqrt(rs) < tol:\n            break\n        Ap = A @ p\n", "        Ap = A @ p\n"),
           ("        rs = rs_new\n        trajectory.append(x)\n",
            "        rs = rs_new\n        trajectory.append(x)\n        if np.sqrt(rs) < tol:\n            break\n")]
