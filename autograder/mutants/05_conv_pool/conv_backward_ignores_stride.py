"""conv_backward walks the input with step 1 whatever the stride (kits.md #46)."""
BREAKS = ["conv_backward"]
REPLACE = [("rows = slice(m, m + stride * Ho, stride)\n            cols = slice(k, k + stride * Wo, stride)",
            "rows = slice(m, m + Ho)\n            cols = slice(k, k + Wo)")]
