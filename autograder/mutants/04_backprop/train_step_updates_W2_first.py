"""train_step updates the output layer first and backpropagates through the new W2 (kits.md #38)."""
BREAKS = ["ThreeLayerNet.train_step"]
REPLACE = [("        grads = self.gradient(X, T)\n        for key, g in grads.items():\n"
            "            self.params[key] -= lr * g\n",
            "        grads = self.gradient(X, T)\n"
            "        self.params[\"W2\"] -= lr * grads[\"W2\"]\n"
            "        self.params[\"b2\"] -= lr * grads[\"b2\"]\n"
            "        grads = self.gradient(X, T)\n"
            "        self.params[\"W1\"] -= lr * grads[\"W1\"]\n"
            "        self.params[\"b1\"] -= lr * grads[\"b1\"]\n")]
