"""gradient_descent evaluates the gradient at x0 every time instead of at the current point."""
BREAKS = ["gradient_descent"]
REPLACE = [("x = x - lr * np.asarray(grad(x), dtype=np.float64)",
            "x = x - lr * np.asarray(grad(np.array(x0, dtype=np.float64)), dtype=np.float64)")]
