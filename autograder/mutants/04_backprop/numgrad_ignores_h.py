"""numerical_gradient hard-codes its step (h = 1e-4) and ignores the argument h."""
BREAKS = ["numerical_gradient"]
REPLACE = [("    grad = np.zeros(x.shape, dtype=np.float64)\n",
            "    h = 1e-4\n    grad = np.zeros(x.shape, dtype=np.float64)\n")]
