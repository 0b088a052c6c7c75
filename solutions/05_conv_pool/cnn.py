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
    # BEGIN SOLUTION
    if filter_size < 1 or stride < 1 or padding < 0:
        raise ValueError(f"conv_output_size: filter_size={filter_size} and stride={stride} must be "
                         f"positive and padding={padding} must be >= 0")
    span = in_size - filter_size + 2 * padding
    if span < 0 or span % stride != 0:
        raise ValueError(f"conv_output_size: (in_size - filter_size + 2 * padding) / stride + 1 = "
                         f"({in_size} - {filter_size} + 2 * {padding}) / {stride} + 1 is not a positive "
                         f"integer: the windows do not tile the input")
    return int(span // stride + 1)
    # END SOLUTION


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
    # BEGIN SOLUTION
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    HH, WW = kernel.shape
    Ho = conv_output_size(image.shape[0], HH, padding, stride)
    Wo = conv_output_size(image.shape[1], WW, padding, stride)
    xp = np.pad(image, padding)
    out = np.full((Ho, Wo), float(bias))
    for m in range(HH):
        for n in range(WW):
            out += kernel[m, n] * xp[m:m + stride * Ho:stride, n:n + stride * Wo:stride]
    return out
    # END SOLUTION


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
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    Ho = conv_output_size(H, HH, pad, stride)
    Wo = conv_output_size(W, WW, pad, stride)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, Ho, Wo))
    for m in range(HH):
        for k in range(WW):
            # xp[n, c, i*S + m, j*S + k] for every output position (i, j): shape (N, C, Ho, Wo)
            patch = xp[:, :, m:m + stride * Ho:stride, k:k + stride * Wo:stride]
            out += np.einsum("nchw,fc->nfhw", patch, w[:, :, m, k])
    out += b[None, :, None, None]
    cache = (x, w, b, stride, pad)
    return out, cache
    # END SOLUTION


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
    # BEGIN SOLUTION
    x, w, b, stride, pad = cache
    dout = np.asarray(dout, dtype=np.float64)
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for m in range(HH):
        for k in range(WW):
            rows = slice(m, m + stride * Ho, stride)
            cols = slice(k, k + stride * Wo, stride)
            dw[:, :, m, k] = np.einsum("nfhw,nchw->fc", dout, xp[:, :, rows, cols])
            dxp[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dout, w[:, :, m, k])
    db = dout.sum(axis=(0, 2, 3))
    dx = dxp[:, :, pad:pad + H, pad:pad + W].copy()
    return dx, dw, db
    # END SOLUTION


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
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    N, C, H, W = x.shape
    try:
        Ho = conv_output_size(H, pool_size, 0, stride)
        Wo = conv_output_size(W, pool_size, 0, stride)
    except ValueError:
        raise ValueError(f"max_pool_forward: windows of pool_size={pool_size} with stride={stride} "
                         f"do not fit an input of height {H} and width {W}") from None
    out = np.full((N, C, Ho, Wo), -np.inf)
    for m in range(pool_size):
        for k in range(pool_size):
            out = np.maximum(out, x[:, :, m:m + stride * Ho:stride, k:k + stride * Wo:stride])
    cache = (x, out, pool_size, stride)
    return out, cache
    # END SOLUTION


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
    # BEGIN SOLUTION
    x, out, pool_size, stride = cache
    dout = np.asarray(dout, dtype=np.float64)
    Ho, Wo = out.shape[2], out.shape[3]
    dx = np.zeros_like(x)
    taken = np.zeros(out.shape, dtype=bool)  # has this window's maximum been routed yet?
    for m in range(pool_size):  # row-major order over the window's cells
        for k in range(pool_size):
            cells = (slice(None), slice(None), slice(m, m + stride * Ho, stride), slice(k, k + stride * Wo, stride))
            first = (x[cells] == out) & ~taken
            dx[cells] += np.where(first, dout, 0.0)
            taken |= first
    return dx
    # END SOLUTION


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
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    N, C, H, W = x.shape
    try:
        Ho = conv_output_size(H, pool_size, 0, stride)
        Wo = conv_output_size(W, pool_size, 0, stride)
    except ValueError:
        raise ValueError(f"avg_pool_forward: windows of pool_size={pool_size} with stride={stride} "
                         f"do not fit an input of height {H} and width {W}") from None
    total = np.zeros((N, C, Ho, Wo))
    for m in range(pool_size):
        for k in range(pool_size):
            total += x[:, :, m:m + stride * Ho:stride, k:k + stride * Wo:stride]
    out = total / (pool_size * pool_size)
    cache = (x.shape, pool_size, stride)
    return out, cache
    # END SOLUTION


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
    # BEGIN SOLUTION
    x_shape, pool_size, stride = cache
    dout = np.asarray(dout, dtype=np.float64)
    Ho, Wo = dout.shape[2], dout.shape[3]
    share = dout / (pool_size * pool_size)
    dx = np.zeros(x_shape)
    for m in range(pool_size):
        for k in range(pool_size):
            dx[:, :, m:m + stride * Ho:stride, k:k + stride * Wo:stride] += share
    return dx
    # END SOLUTION


def global_avg_pool_forward(x):
    """Global average pooling (GAP, 004 section 5.3.3): the mean of each whole feature map.

        out[n, c] = 1 / (H W) * sum_{i, j} x[n, c, i, j]

    Inputs:
    - x: input, shape (N, C, H, W), any real dtype.

    Returns a tuple of:
    - out: float64 array of shape (N, C).
    - cache: whatever global_avg_pool_backward needs.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    out = x.mean(axis=(2, 3))
    cache = x.shape
    return out, cache
    # END SOLUTION


def global_avg_pool_backward(dout, cache):
    """Backward pass of global average pooling: every cell of map (n, c) gets dout[n, c] / (H W).

    Inputs:
    - dout: upstream gradient, shape (N, C).
    - cache: the cache returned by global_avg_pool_forward.

    Returns:
    - dx: float64 array of shape (N, C, H, W).
    """
    # BEGIN SOLUTION
    N, C, H, W = cache
    dout = np.asarray(dout, dtype=np.float64)
    dx = np.empty((N, C, H, W))
    dx[...] = dout[:, :, None, None] / (H * W)
    return dx
    # END SOLUTION


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
    # BEGIN SOLUTION
    if size <= 0 or size % 2 == 0:
        raise ValueError(f"gaussian_kernel: size={size} must be a positive odd integer")
    if not sigma > 0:
        raise ValueError(f"gaussian_kernel: sigma={sigma} must be positive")
    r = np.arange(size) - size // 2
    g = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2.0 * sigma ** 2))
    return g / g.sum()
    # END SOLUTION
