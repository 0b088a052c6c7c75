"""The RNG draws W2 before W1, so both differ from the stated order."""
BREAKS = ["ThreeLayerNet"]
REPLACE = [("        W1 = rng.standard_normal((n_input, n_hidden)) * std(n_input)\n"
            "        W2 = rng.standard_normal((n_hidden, n_output)) * std(n_hidden)\n",
            "        W2 = rng.standard_normal((n_hidden, n_output)) * std(n_hidden)\n"
            "        W1 = rng.standard_normal((n_input, n_hidden)) * std(n_input)\n")]
