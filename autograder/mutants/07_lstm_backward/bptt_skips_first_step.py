"""The backward loop stops at t = 1: range(T - 1, 0, -1) never backpropagates through the first step."""
BREAKS = ["lstm_backward"]
REPLACE = [("for t in reversed(range(T)):", "for t in range(T - 1, 0, -1):")]
