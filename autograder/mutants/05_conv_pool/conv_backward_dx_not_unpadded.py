"""conv_backward cuts the top-left corner of the padded gradient instead of removing the padding."""
BREAKS = ["conv_backward"]
REPLACE = [("dx = dxp[:, :, pad:pad + H, pad:pad + W].copy()", "dx = dxp[:, :, :H, :W].copy()")]
