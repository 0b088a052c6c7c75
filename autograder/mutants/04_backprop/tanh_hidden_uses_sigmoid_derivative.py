"""A tanh hidden layer backpropagates with the sigmoid derivative h(1 - h) of 004 eq 5-17."""
BREAKS = ["ThreeLayerNet.gradient"]
REPLACE = [('"tanh": tanh_backward}[self.hidden_activation]', '"tanh": sigmoid_backward}[self.hidden_activation]')]
