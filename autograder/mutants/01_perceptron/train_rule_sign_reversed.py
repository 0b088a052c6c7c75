"""The learning rule moves the wrong way: w -= lr * (y - y_hat) * x (kits.md #4)."""
BREAKS = ["train_perceptron"]
REPLACE = [("w = w + lr * err * X[i]", "w = w - lr * err * X[i]"), ("b = b + lr * err", "b = b - lr * err")]
