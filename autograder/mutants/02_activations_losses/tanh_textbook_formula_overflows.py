"""tanh is computed as (1 - e^-2x) / (1 + e^-2x) (000 eq 5-6), which gives nan for large negative x."""
BREAKS = ['tanh']
REPLACE = [
    ('    return np.tanh(np.asarray(x, dtype=np.float64))',
     '    x = np.asarray(x, dtype=np.float64)\n    return (1.0 - np.exp(-2.0 * x)) / (1.0 + np.exp(-2.0 * x))'),
]
