"""Weight decay also penalises the biases, in the loss and in the gradient (kits.md #37)."""
BREAKS = ["ThreeLayerNet.loss", "ThreeLayerNet.gradient"]
REPLACE = [
    ('(np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))',
     '(np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2) + np.sum(p["b1"] ** 2) + np.sum(p["b2"] ** 2))'),
    ('"b1": db1,', '"b1": db1 + lam * self.params["b1"],'),
    ('"b2": db2,', '"b2": db2 + lam * self.params["b2"],'),
]
