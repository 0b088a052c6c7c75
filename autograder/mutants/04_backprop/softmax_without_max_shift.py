"""Softmax output and its loss without subtracting the maximum logit: overflows for huge logits (kits.md #6)."""
BREAKS = ["ThreeLayerNet.forward", "ThreeLayerNet.loss"]
REPLACE = [
    ("shifted = net2 - net2.max(axis=1, keepdims=True)", "shifted = net2"),
    ("m = net2.max(axis=1, keepdims=True)", "m = 0.0"),
]
