"""gradient_descent records only the points after each step, leaving x0 out of the trajectory."""
BREAKS = ["gradient_descent"]
REPLACE = [("    trajectory = np.empty((num_iters + 1,) + x.shape, dtype=np.float64)\n    trajectory[0] = x\n",
            "    trajectory = np.empty((num_iters + 1,) + x.shape, dtype=np.float64)\n"),
           ("        trajectory[i + 1] = x\n    return trajectory",
            "        trajectory[i + 1] = x\n    return trajectory[1:]")]
