"""fit_linear_regression shuffles X and y with two different permutations (kits.md #31)."""
BREAKS = ["fit_linear_regression"]
REPLACE = [("            perm = rng.permutation(N)\n            batches = [perm[i:i + batch_size] for i in range(0, N, batch_size)]\n",
            "            perm = rng.permutation(N)\n            perm_y = rng.permutation(N)\n"
            "            batches = [(perm[i:i + batch_size], perm_y[i:i + batch_size]) for i in range(0, N, batch_size)]\n"),
           ("        for idx in batches:\n            Xb, yb = X[idx], y[idx]\n",
            "        for idx in batches:\n            if method == \"batch\":\n                Xb, yb = X[idx], y[idx]\n"
            "            else:\n                Xb, yb = X[idx[0]], y[idx[1]]\n                idx = idx[0]\n")]
