"""The gates use the naive 1 / (1 + exp(-x)), which overflows for large negative pre-activations (kits.md #9)."""
BREAKS = ["lstm_step_forward", "lstm_forward", "lstm_step_backward"]
REPLACE = [("    z = np.exp(-np.abs(x))\n    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))\n",
            "    return 1.0 / (1.0 + np.exp(-x))\n")]
