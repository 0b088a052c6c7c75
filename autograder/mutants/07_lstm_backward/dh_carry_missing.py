"""BPTT forgets the gradient arriving from step t+1: step t sees only dh[:, t] (kits.md #61)."""
BREAKS = ["lstm_backward"]
REPLACE = [("dh_cur = dh[:, t, :] + dh_next", "dh_cur = dh[:, t, :]")]
