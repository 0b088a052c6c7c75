"""Assignment 05: convolution and pooling layers in numpy.

Seeds: 001 "卷积操作", "高斯模糊与图像平滑", "Padding(填充)与Striding(步长)", "池化操作";
004 section 5.3.3 (eqs 5-31 and 5-32, global average pooling).

Conventions used everywhere in this file:

- Layout NCHW: a batch x has shape (N, C, H, W) (batch, channels, height, width);
  filters w have shape (F, C, HH, WW) (number of filters, channels, height, width).
- "Convolution" is cross-correlation, as in 004 eq 5-31 and every deep-learning
  framework: the kernel is NOT flipped. out[i, j] = sum_{m,n} w[m, n] * x[i*S + m, j*S + n] + b.
- Padding P adds P rows/columns of zeros on every side of the two spatial axes only
  (never on the batch or channel axis). Stride S is the step between windows.
- Output size (004 eq 5-32): W2 = (W1 - F + 2P) / S + 1 along each spatial axis; it must
  be a positive integer, otherwise the windows do not tile the input and that is a ValueError.
- Inputs may have an integer dtype; all computation is float64 and every result is a
  new float64 array. No function modifies its arguments.
- Every *_forward returns (out, cache); the matching *_backward takes (dout, cache),
  where dout is the upstream gradient dL/dout with out's shape, and returns the
  gradients of L with respect to the forward's array inputs. The cache is whatever
  the backward needs; the grader never looks inside it.
"""

import numpy as np


def conv_output_size(in_size, filter_size, padding=0, stride=1):
    """Output size of a convolution or pooling window along one axis (004 eq 5-32).

        W2 = (W1 - F + 2P) / S + 1

    Inputs:
    - in_size: W1, the input's width (or height), a positive int.
    - filter_size: F, the window's width (or height), a positive int.
    - padding: P, zeros added on EACH side, an int >= 0.
    - stride: S, the step between windows, a positive int.

    Returns:
    - W2 as an int (not a float: 7, 3, 0, 2 gives 3, not 3.0).

    Raises ValueError when W2 is not a positive integer, i.e. when the windows do not
    tile the padded input exactly ((W1 - F + 2P) is not a multiple of S, e.g.
    (7, 3, 0, 3)) or when the window is larger than the padded input (e.g. (2, 5, 0, 1)).
    The message names the arguments. Do not round down silently.
    """
    # *** START OF YOUR CODE (conv_output_size) ***
    # TODO: implement `conv_output_size` as its docstring says.
    raise NotImplementedError("conv_output_size: not implemented yet")
    # *** END OF YOUR CODE ***


def conv2d_single(image, kernel, bias=0.0, stride=1, padding=0):
    """Cross-correlate one 2-D channel with one kernel: the linear part of 004 eq 5-31.

        a[i, j] = sum_{m=0}^{HH-1} sum_{n=0}^{WW-1} w[m, n] * x[i*S + m, j*S + n] + w_b

    where x is the image after zero padding. No activation is applied (the textbook's f
    is left to the caller), and the kernel is not flipped.

    Inputs:
    - image: x, shape (H, W), any real dtype.
    - kernel: w, shape (HH, WW).
    - bias: w_b, a scalar added to every output entry.
    - stride: S, a positive int, the same along both axes.
    - padding: P, the number of zero rows/columns added on each side of the image.

    Returns:
    - out: float64 array of shape (H', W') with H' = (H - HH + 2P) / S + 1 and
      W' = (W - WW + 2P) / S + 1.

    Raises ValueError when the windows do not tile the padded image (see conv_output_size).
    """
    # *** START OF YOUR CODE (conv2d_single) ***
    # TODO: implement `conv2d_single` as its docstring says.
    raise NotImplementedError("conv2d_single: not implemented yet")
    # *** END OF YOUR CODE ***


def conv_forward(x, w, b, stride=1, pad=0):
    """Forward pass of a convolutional layer (cross-correlation, NCHW).

    Every filter f looks at all C input channels at once:

        out[n, f, i, j] = sum_{c, m, k} w[f, c, m, k] * xp[n, c, i*S + m, j*S + k] + b[f]

    where xp is x zero-padded by `pad` on both sides of the H and W axes (not N, not C).

    Inputs:
    - x: input batch, shape (N, C, H, W), any real dtype.
    - w: filters, shape (F, C, HH, WW).
    - b: biases, shape (F,): b[f] is added to every entry of filter f's output map.
    - stride: S, a positive int, the same along H and W.
    - pad: P, zeros added on each side of the H and W axes.

    Returns a tuple of:
    - out: float64 array of shape (N, F, H', W') with H' = (H - HH + 2P) / S + 1 and
      W' = (W - WW + 2P) / S + 1.
    - cache: whatever conv_backward needs (e.g. (x, w, b, stride, pad)).

    Raises ValueError when the windows do not tile the padded input (see conv_output_size).
    """
    # *** START OF YOUR CODE (conv_forward) ***
    # TODO: implement `conv_forward` as its docstring says.
    raise NotImplementedError("conv_forward: not implemented yet")
    # *** END OF YOUR CODE ***


def conv_backward(dout, cache):
    """Backward pass of a convolutional layer.

    With xp the padded input and the forward formula above:

        dw[f, c, m, k] = sum_{n, i, j} dout[n, f, i, j] * xp[n, c, i*S + m, j*S + k]
        db[f]          = sum_{n, i, j} dout[n, f, i, j]
        dxp[n, c, i*S + m, j*S + k] += sum_f dout[n, f, i, j] * w[f, c, m, k]   (for every i, j, m, k)

    and dx is dxp with the padding cut off. An input pixel that lies in several windows
    receives the sum of all their contributions; dw and db sum over the whole batch.

    Inputs:
    - dout: upstream gradient, shape (N, F, H', W').
    - cache: the cache returned by conv_forward.

    Returns a tuple of:
    - dx: float64, shape (N, C, H, W), gradient with respect to x.
    - dw: float64, shape (F, C, HH, WW), gradient with respect to w.
    - db: float64, shape (F,), gradient with respect to b.
    """
    # *** START OF YOUR CODE (conv_backward) ***
    # TODO: implement `conv_backward` as its docstring says.
    raise NotImplementedError("conv_backward: not implemented yet")
    # *** END OF YOUR CODE ***


def max_pool_forward(x, pool_size=2, stride=2):
    """Forward pass of max pooling (001 "常见的池化操作", 004 fig 5-16).

    Each channel is pooled on its own: a pool_size x pool_size window slides over the
    H and W axes with step `stride`, and each output entry is the window's maximum.
    Windows may overlap (e.g. pool_size=3, stride=2). There is no padding.

    Inputs:
    - x: input, shape (N, C, H, W), any real dtype.
    - pool_size: the window's height and width, a positive int.
    - stride: the step between windows, a positive int.

    Returns a tuple of:
    - out: float64 array of shape (N, C, H', W') with H' = (H - pool_size) / stride + 1
      and W' = (W - pool_size) / stride + 1.
    - cache: whatever max_pool_backward needs.

    Raises ValueError when the windows do not fit: H' or W' is not a positive integer
    (e.g. a 5x5 input with pool_size=2, stride=2). Do not drop the leftover rows silently.
    """
    # *** START OF YOUR CODE (max_pool_forward) ***
    # TODO: implement `max_pool_forward` as its docstring says.
    raise NotImplementedError("max_pool_forward: not implemented yet")
    # *** END OF YOUR CODE ***


def max_pool_backward(dout, cache):
    """Backward pass of max pooling.

    The gradient of each output entry goes entirely to the input cell that gave the
    window's maximum; the other cells of that window get nothing from it. When several
    cells of a window tie for the maximum, the FIRST one in row-major order (smallest
    row, then smallest column inside the window) gets the whole gradient. A cell that
    is the chosen maximum of several overlapping windows receives the sum of their
    gradients.

    Inputs:
    - dout: upstream gradient, shape (N, C, H', W').
    - cache: the cache returned by max_pool_forward.

    Returns:
    - dx: float64 array of shape (N, C, H, W), gradient with respect to x.
    """
    # *** START OF YOUR CODE (max_pool_backward) ***
    # TODO: implement `max_pool_backward` as its docstring says.
    raise NotImplementedError("max_pool_backward: not implemented yet")
    # *** END OF YOUR CODE ***


def avg_pool_forward(x, pool_size=2, stride=2):
    """Forward pass of average pooling (001 "常见的池化操作").

    Like max_pool_forward, but each output entry is the mean of its window's
    pool_size * pool_size cells. Windows may overlap; there is no padding.

    Inputs:
    - x: input, shape (N, C, H, W), any real dtype.
    - pool_size: the window's height and width, a positive int.
    - stride: the step between windows, a positive int.

    Returns a tuple of:
    - out: float64 array of shape (N, C, H', W'), sizes as in max_pool_forward.
    - cache: whatever avg_pool_backward needs.

    Raises ValueError when the windows do not fit, exactly as max_pool_forward.
    """
    # *** START OF YOUR CODE (avg_pool_forward) ***
    # TODO: implement `avg_pool_forward` as its docstring says.
    raise NotImplementedError("avg_pool_forward: not implemented yet")
    # *** END OF YOUR CODE ***


def avg_pool_backward(dout, cache):
    """Backward pass of average pooling.

    Each output entry is the mean of pool_size**2 cells, so its gradient is spread
    evenly: every cell of the window receives dout / pool_size**2. Cells shared by
    overlapping windows receive the sum over those windows.

    Inputs:
    - dout: upstream gradient, shape (N, C, H', W').
    - cache: the cache returned by avg_pool_forward.

    Returns:
    - dx: float64 array of shape (N, C, H, W), gradient with respect to x.
    """
    # *** START OF YOUR CODE (avg_pool_backward) ***
    # TODO: implement `avg_pool_backward` as its docstring says.
    raise NotImplementedError("avg_pool_backward: not implemented yet")
    # *** END OF YOUR CODE ***


def global_avg_pool_forward(x):
    """Global average pooling (GAP, 004 section 5.3.3): the mean of each whole feature map.

        out[n, c] = 1 / (H W) * sum_{i, j} x[n, c, i, j]

    Inputs:
    - x: input, shape (N, C, H, W), any real dtype.

    Returns a tuple of:
    - out: float64 array of shape (N, C).
    - cache: whatever global_avg_pool_backward needs.
    """
    # *** START OF YOUR CODE (global_avg_pool_forward) ***
    # TODO: implement `global_avg_pool_forward` as its docstring says.
    raise NotImplementedError("global_avg_pool_forward: not implemented yet")
    # *** END OF YOUR CODE ***


def global_avg_pool_backward(dout, cache):
    """Backward pass of global average pooling: every cell of map (n, c) gets dout[n, c] / (H W).

    Inputs:
    - dout: upstream gradient, shape (N, C).
    - cache: the cache returned by global_avg_pool_forward.

    Returns:
    - dx: float64 array of shape (N, C, H, W).
    """
    # *** START OF YOUR CODE (global_avg_pool_backward) ***
    # TODO: implement `global_avg_pool_backward` as its docstring says.
    raise NotImplementedError("global_avg_pool_backward: not implemented yet")
    # *** END OF YOUR CODE ***


def gaussian_kernel(size, sigma):
    """A normalised 2-D Gaussian blur kernel (001 "高斯模糊与图像平滑").

        g[i, j] = exp(-(i^2 + j^2) / (2 sigma^2)) / Z,   i, j = -(size // 2), ..., size // 2

    where Z is the sum of all the unnormalised entries, so that the kernel sums to 1
    (use this Z, not the continuous 1 / (2 pi sigma^2)). Row index r of the returned
    array holds offset i = r - size // 2 (likewise for columns), so the centre entry
    [size // 2, size // 2] is offset (0, 0): the kernel is symmetric and largest there.

    Inputs:
    - size: the kernel's height and width, a positive odd int.
    - sigma: the standard deviation, a positive float.

    Returns:
    - g: float64 array of shape (size, size) whose entries sum to 1.

    Raises ValueError when size is even or not positive (message naming `size`), or
    when sigma <= 0 (message naming `sigma`). Must not overflow for tiny or huge sigma.
    """
    # *** START OF YOUR CODE (gaussian_kernel) ***
    # TODO: implement `gaussian_kernel` as its docstring says.
    raise NotImplementedError("gaussian_kernel: not implemented yet")
    # *** END OF YOUR CODE ***
