"""The bias is never updated (kits.md #5)."""
BREAKS = ["train_perceptron"]
REPLACE = [("            b = b + lr * err\n", "")]
