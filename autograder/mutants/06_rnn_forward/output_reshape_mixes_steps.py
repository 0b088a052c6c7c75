"""rnn_output flattens time-major but reshapes batch-major, mixing samples and steps (right shape, wrong places)."""
BREAKS = ["rnn_output"]
REPLACE = [("    return h @ W_out + b_out\n",
            "    N, T, H = h.shape\n    out = h.transpose(1, 0, 2).reshape(T * N, H) @ W_out + b_out\n"
            "    return out.reshape(N, T, -1)\n")]
