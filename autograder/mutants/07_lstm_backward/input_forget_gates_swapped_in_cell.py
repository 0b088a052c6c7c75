"""The cell update swaps the roles of the input and forget gates: c = i * c_prev + f * g."""
BREAKS = ["lstm_step_forward", "lstm_forward"]
REPLACE = [("\n    c = f * c_prev + i * g\n", "\n    c = i * c_prev + f * g\n")]
