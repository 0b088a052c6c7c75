"""The time loop starts at t=1: the first input is skipped and h[:, 0] stays zero."""
BREAKS = ["rnn_forward"]
REPLACE = [("for t in range(T):", "for t in range(1, T):")]
