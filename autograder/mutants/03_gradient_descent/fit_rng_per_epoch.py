"""fit_linear_regression re-creates the generator every epoch, so every epoch repeats the same order."""
BREAKS = ["fit_linear_regression"]
REPLACE = [("            perm = rng.permutation(N)\n", "            perm = np.random.default_rng(seed).permutation(N)\n")]
