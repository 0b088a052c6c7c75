"""Xavier and He scale by the layer's fan-out instead of its fan-in (kits.md #40)."""
BREAKS = ["ThreeLayerNet"]
REPLACE = [
    ("* std(n_input)\n", "* std(n_hidden)\n"),
    ("* std(n_hidden)\n        self.params", "* std(n_output)\n        self.params"),
]
