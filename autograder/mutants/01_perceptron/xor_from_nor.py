"""XOR composed as AND(NAND, NOR) instead of AND(NAND, OR) (kits.md #2)."""
BREAKS = ["XOR"]
REPLACE = [("return AND(NAND(x1, x2), OR(x1, x2))", "return AND(NAND(x1, x2), NOR(x1, x2))")]
