"""XNOR flattens array inputs, losing their shape."""
BREAKS = ["XNOR"]
REPLACE = [("return OR(AND(x1, x2), NOR(x1, x2))",
            "out = OR(AND(x1, x2), NOR(x1, x2))\n    return out.ravel() if isinstance(out, np.ndarray) else out")]
