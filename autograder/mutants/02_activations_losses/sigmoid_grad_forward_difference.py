"""sigmoid_grad is a one-sided difference quotient with h = 1e-4: off by about 1e-4 relative."""
BREAKS = ['sigmoid_grad']
REPLACE = [
    ('    s = sigmoid(x)\n    return s * (1.0 - s)',
     '    x = np.asarray(x, dtype=np.float64)\n    return (sigmoid(x + 1e-4) - sigmoid(x)) / 1e-4'),
]
