"""kl_divergence computes p log(p/q) everywhere, giving nan where p = 0 (kits.md #19)."""
BREAKS = ['kl_divergence']
REPLACE = [
    ('    per = np.where(positive, p * (np.log(safe_p) - np.log(q)), 0.0)',
     '    per = p * np.log(p / q)'),
]
