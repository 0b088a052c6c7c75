"""kl_divergence computes KL(Q||P) instead of KL(P||Q): the arguments are swapped (kits.md #18)."""
BREAKS = ['kl_divergence']
REPLACE = [
    ('    q = np.clip(np.asarray(q_pred, dtype=np.float64), eps, 1.0)\n    p = np.asarray(p_true, dtype=np.float64)',
     '    q = np.clip(np.asarray(p_true, dtype=np.float64), eps, 1.0)\n    p = np.asarray(q_pred, dtype=np.float64)'),
]
