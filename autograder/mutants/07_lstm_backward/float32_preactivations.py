"""The pre-activations are computed in float32: the forward is off by ~1e-7 relative, enough to spoil gradient checks."""
BREAKS = ["lstm_step_forward", "lstm_forward", "lstm_step_backward", "lstm_backward"]
REPLACE = [("\n    a = x @ Wx + h_prev @ Wh + b\n", "\n    a = (x @ Wx + h_prev @ Wh + b).astype(np.float32)\n")]
