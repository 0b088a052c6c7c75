"""dWx, dWh and db are overwritten at every time step instead of summed over t (kits.md #60)."""
BREAKS = ["lstm_backward"]
REPLACE = [
    ("        dWx += dWx_t\n        dWh += dWh_t\n        db += db_t\n",
     "        dWx = dWx_t\n        dWh = dWh_t\n        db = db_t\n"),
]
