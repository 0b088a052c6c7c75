"""dW computed as dout^T x, which has shape (M, D) instead of (D, M)."""
BREAKS = ["affine_backward"]
REPLACE = [("dW = x.T @ dout", "dW = dout.T @ x")]
