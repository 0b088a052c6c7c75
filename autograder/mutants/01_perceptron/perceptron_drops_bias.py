"""perceptron forgets the bias: step(x @ w)."""
BREAKS = ["perceptron"]
REPLACE = [("@ np.asarray(w, dtype=np.float64) + b)", "@ np.asarray(w, dtype=np.float64))")]
