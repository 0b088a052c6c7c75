"""huber's linear part subtracts delta/2 instead of delta^2/2: right only for delta = 1 (kits.md #16)."""
BREAKS = ['huber']
REPLACE = [
    ('delta * a - 0.5 * delta * delta',
     'delta * a - 0.5 * delta'),
]
