"""numerical_gradient uses the one-sided difference (f(x + h) - f(x)) / h (kits.md #41)."""
BREAKS = ["numerical_gradient", "ThreeLayerNet.numerical_gradient"]
REPLACE = [("        x[idx] = old - h\n        f_minus = float(f())\n        x[idx] = old\n"
            "        grad[idx] = (f_plus - f_minus) / (2 * h)",
            "        x[idx] = old\n        f_minus = float(f())\n        grad[idx] = (f_plus - f_minus) / h")]
