"""BPTT adds the carried gradient into the caller's dh in place (right values, corrupted input; kits.md #62)."""
BREAKS = ["lstm_backward"]
REPLACE = [("        dh_cur = dh[:, t, :] + dh_next\n",
            "        dh[:, t, :] += dh_next\n        dh_cur = dh[:, t, :]\n")]
