"""predict for a sigmoid output fires at >= 0.5 instead of > 0.5."""
BREAKS = ["ThreeLayerNet.predict"]
REPLACE = [("(out > 0.5).astype(np.int64)", "(out >= 0.5).astype(np.int64)")]
