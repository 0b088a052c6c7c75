"""train_step returns the loss after the update instead of before it."""
BREAKS = ["ThreeLayerNet.train_step"]
REPLACE = [("            self.params[key] -= lr * g\n        return loss",
            "            self.params[key] -= lr * g\n        return self.loss(X, T)")]
