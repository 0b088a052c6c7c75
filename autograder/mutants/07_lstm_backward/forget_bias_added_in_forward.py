"""A forget bias of +1 is added inside the forward pass (TensorFlow BasicLSTMCell's forget_bias), not part of this cell."""
BREAKS = ["lstm_step_forward", "lstm_forward"]
REPLACE = [("f = sigmoid(a[:, H:2 * H])", "f = sigmoid(a[:, H:2 * H] + 1.0)")]
