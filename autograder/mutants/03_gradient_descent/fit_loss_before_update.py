"""fit_linear_regression records the loss at the start of each epoch instead of after its updates."""
BREAKS = ["fit_linear_regression"]
REPLACE = [("        losses.append(float(np.mean((X @ w + b - y) ** 2)))\n", ""),
           ("    for _ in range(epochs):\n        if method == \"batch\":",
            "    for _ in range(epochs):\n        losses.append(float(np.mean((X @ w + b - y) ** 2)))\n        if method == \"batch\":")]
