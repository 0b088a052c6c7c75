"""max_pool_forward silently drops rows and columns that do not fill a window instead of raising ValueError."""
BREAKS = ["max_pool_forward"]
REPLACE = [("        Ho = conv_output_size(H, pool_size, 0, stride)\n        Wo = conv_output_size(W, pool_size, 0, stride)\n"
            "    except ValueError:\n        raise ValueError(f\"max_pool_forward",
            "        Ho = (H - pool_size) // stride + 1\n        Wo = (W - pool_size) // stride + 1\n"
            "    except ValueError:\n        raise ValueError(f\"max_pool_forward")]
