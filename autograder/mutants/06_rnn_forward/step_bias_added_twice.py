"""The bias is added twice to the pre-activation."""
BREAKS = ["rnn_step_forward"]
REPLACE = [("a = x @ Wx + h_prev @ Wh + b", "a = x @ Wx + b + h_prev @ Wh + b")]
