"""tanh written as (e^a - e^-a) / (e^a + e^-a): overflows for large pre-activations."""
BREAKS = ["rnn_step_forward"]
REPLACE = [("    h = np.tanh(a)\n", "    h = (np.exp(a) - np.exp(-a)) / (np.exp(a) + np.exp(-a))\n")]
