"""rnn_many_to_one reads out the first state instead of the last."""
BREAKS = ["rnn_many_to_one"]
REPLACE = [("h_last = h[:, -1, :]", "h_last = h[:, 0, :]")]
