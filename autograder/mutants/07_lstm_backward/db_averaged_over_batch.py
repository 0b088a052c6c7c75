"""db is averaged over the batch instead of summed (invisible with N = 1)."""
BREAKS = ["lstm_step_backward", "lstm_backward"]
REPLACE = [("db = da.sum(axis=0)", "db = da.mean(axis=0)")]
