"""max_pool_backward writes dx[...] = instead of +=, losing gradients where windows overlap (kits.md #48)."""
BREAKS = ["max_pool_backward"]
REPLACE = [("dx[cells] += np.where(first, dout, 0.0)", "dx[cells] = np.where(first, dout, 0.0)")]
