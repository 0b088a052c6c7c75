"""SGD.update scales the gradients in place (grads[key] *= lr), changing the caller's grads."""
BREAKS = ["SGD.update"]
REPLACE = [("            params[key] -= self.lr * grads[key]\n",
            "            grads[key] *= self.lr\n            params[key] -= grads[key]\n")]
