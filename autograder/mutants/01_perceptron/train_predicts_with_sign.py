"""Training predicts with sign (-1/+1) instead of step (0/1), so the error is never zero on class 0."""
BREAKS = ["train_perceptron"]
REPLACE = [("y_hat = float(step(X[i] @ w + b))", "y_hat = float(sign(X[i] @ w + b))")]
