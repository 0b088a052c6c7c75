"""AddLayer.backward uses the multiplication node's rule (dout times the other input)."""
BREAKS = ["AddLayer.backward"]
REPLACE = [
    ("        return x + y\n", "        self.x, self.y = x, y\n        return x + y\n"),
    ("dx = dout * 1\n        dy = dout * 1", "dx = dout * self.y\n        dy = dout * self.x"),
]
