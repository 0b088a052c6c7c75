"""Copy-paste slip: dx is sent back through Wh instead of Wx (a shape error when D != H)."""
BREAKS = ["lstm_step_backward", "lstm_backward"]
REPLACE = [("dx = da @ Wx.T", "dx = da @ Wh.T")]
