"""The recurrent weight is used transposed (Wh @ h instead of h @ Wh) (kits.md #51): 2.737 instead of 2.727."""
BREAKS = ["rnn_step_forward"]
REPLACE = [("a = x @ Wx + h_prev @ Wh + b", "a = x @ Wx + h_prev @ Wh.T + b")]
