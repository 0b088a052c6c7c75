"""Gates laid out as i, f, g, o instead of i, f, o, g, consistently in forward and backward (kits.md #59)."""
BREAKS = ["lstm_step_forward", "lstm_forward"]
REPLACE = [
    ("o = sigmoid(a[:, 2 * H:3 * H])\n    g = np.tanh(a[:, 3 * H:])",
     "g = np.tanh(a[:, 2 * H:3 * H])\n    o = sigmoid(a[:, 3 * H:])"),
    ("        do * o * (1.0 - o),\n        dg * (1.0 - g ** 2),\n",
     "        dg * (1.0 - g ** 2),\n        do * o * (1.0 - o),\n"),
]
