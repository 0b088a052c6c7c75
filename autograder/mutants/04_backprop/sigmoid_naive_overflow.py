"""sigmoid_forward uses 1 / (1 + exp(-x)), which overflows for large negative x (kits.md #9)."""
BREAKS = ["sigmoid_forward"]
REPLACE = [("    z = np.exp(-np.abs(x))                  # in (0, 1]: never overflows\n"
            "    out = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))\n",
            "    out = 1.0 / (1.0 + np.exp(-x))\n")]
