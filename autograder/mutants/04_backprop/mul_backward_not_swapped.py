"""MulLayer.backward multiplies dout by the input itself instead of the other input."""
BREAKS = ["MulLayer.backward"]
REPLACE = [("dx = dout * self.y\n        dy = dout * self.x", "dx = dout * self.x\n        dy = dout * self.y")]
