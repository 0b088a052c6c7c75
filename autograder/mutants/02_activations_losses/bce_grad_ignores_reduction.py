"""binary_cross_entropy_grad forgets to divide by the number of elements for 'mean'."""
BREAKS = ['binary_cross_entropy_grad']
REPLACE = [
    ('    return grad / grad.size if reduction == "mean" else grad',
     '    return grad'),
]
