"""rnn_output forgets the read-out bias."""
BREAKS = ["rnn_output"]
REPLACE = [("return h @ W_out + b_out", "return h @ W_out")]
