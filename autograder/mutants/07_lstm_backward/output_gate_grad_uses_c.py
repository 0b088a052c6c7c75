"""do uses the cell state instead of tanh(c): the textbook's do = dh * s (004 eq 5-44) applied to the standard cell."""
BREAKS = ["lstm_step_backward", "lstm_backward"]
REPLACE = [("    do = dh * tc\n", "    do = dh * c\n")]
