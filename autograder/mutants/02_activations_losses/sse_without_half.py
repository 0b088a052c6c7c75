"""sse forgets the factor 1/2 of 004 eq 5-4."""
BREAKS = ['sse']
REPLACE = [
    ('    return 0.5 * float(np.sum(d * d))',
     '    return float(np.sum(d * d))'),
]
