"""The step backward accumulates into the caller's dc with += (seen in a public solution; kits.md #62)."""
BREAKS = ["lstm_step_backward"]
REPLACE = [("    dc = np.asarray(dc, dtype=np.float64)\n    dc_total = dc + dh * o * (1.0 - tc ** 2)\n",
            "    dc += dh * o * (1.0 - tc ** 2)\n    dc_total = dc\n")]
