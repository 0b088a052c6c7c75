"""Public checks for assignment 05 (cnn.py). Run them with `dlkit check 05`."""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged
from shared.gradcheck import check_gradient

# The 5x5 picture and 3x3 filter of 004 fig 5-15 (eq 5-31): a[0, 0] = relu(1+0+1+0+1+0+0+0+1+0) = 4.
TEXTBOOK_IMAGE = np.array([
    [1, 1, 1, 0, 0],
    [0, 1, 1, 1, 0],
    [0, 0, 1, 1, 1],
    [0, 0, 1, 1, 0],
    [0, 1, 1, 0, 0],
])
TEXTBOOK_KERNEL = np.array([
    [1, 0, 1],
    [0, 1, 0],
    [1, 0, 1],
])

# A 5x5 map with distinct values: 3x3 windows with stride 2 overlap on row 2 and column 2,
# and the 8 at (2, 3) is the maximum of two windows.
POOL_MAP = np.array([
    [1, 3, 2, 0, 4],
    [5, 0, 7, 1, 2],
    [2, 6, 1, 8, 0],
    [0, 9, 3, 2, 6],
    [4, 1, 5, 7, 3],
], dtype=float)


def _distinct(rng, shape, spacing=0.1):
    """Random values at least `spacing` apart: no ties, so max pooling is differentiable."""
    n = int(np.prod(shape))
    return (rng.permutation(n) * spacing + rng.uniform(0, spacing / 4, n)).reshape(shape) - n * spacing / 2


# -- conv_output_size ---------------------------------------------------------------

@pytest.mark.grade("conv_output_size", points=2)
def test_conv_output_size_textbook_values(student):
    """(W - F + 2P) / S + 1 as an int on the textbook cases of 004 eq 5-32."""
    cases = {(7, 3, 0, 1): 5, (7, 3, 0, 2): 3, (227, 11, 0, 4): 55, (32, 5, 2, 1): 32, (5, 3, 0, 2): 2}
    for (W, F, P, S), expected in cases.items():
        got = student.conv_output_size(W, F, P, S)
        assert_close(got, expected, name=f"conv_output_size({W}, {F}, {P}, {S})")
    assert_close(student.conv_output_size(7, 3), 5, name="conv_output_size(7, 3) with default padding and stride")


@pytest.mark.grade("conv_output_size", points=2)
def test_conv_output_size_rejects_sizes_that_do_not_tile(student):
    """A size that is not a positive integer is a ValueError, not rounded down."""
    with pytest.raises(ValueError):
        student.conv_output_size(7, 3, 0, 3)  # (7 - 3) / 3 + 1 = 2.33...
    with pytest.raises(ValueError):
        student.conv_output_size(2, 5, 0, 1)  # the filter is larger than the input: -2


# -- conv2d_single --------------------------------------------------------------------

@pytest.mark.grade("conv2d_single", points=3)
def test_conv2d_single_textbook_example(student):
    """004 eq 5-31 on the 5x5 example: stride 1 gives a 3x3 map, stride 2 a 2x2 map."""
    with inputs_unchanged(TEXTBOOK_IMAGE, TEXTBOOK_KERNEL, names=["image", "kernel"]):
        out = student.conv2d_single(TEXTBOOK_IMAGE, TEXTBOOK_KERNEL)
    assert_close(out, np.array([[4.0, 3.0, 4.0], [2.0, 4.0, 3.0], [2.0, 3.0, 4.0]]),
                 name="conv2d_single(image, kernel)")
    out2 = student.conv2d_single(TEXTBOOK_IMAGE, TEXTBOOK_KERNEL, stride=2)
    assert_close(out2, np.array([[4.0, 4.0], [2.0, 4.0]]), name="conv2d_single(image, kernel, stride=2)")


@pytest.mark.grade("conv2d_single", points=2)
def test_conv2d_single_cross_correlation_bias_and_padding(student):
    """The kernel is not flipped; bias is added; padding=1 keeps the size, stride 2 subsamples."""
    image = np.arange(25, dtype=float).reshape(5, 5)
    corner = np.zeros((3, 3))
    corner[0, 2] = 2.0  # top-right tap: out[i, j] = 2 * x[i, j + 2] + bias
    assert_close(student.conv2d_single(image, corner, bias=0.5), 2.0 * image[0:3, 2:5] + 0.5,
                 name="conv2d_single(image, kernel with only w[0, 2] = 2, bias=0.5)")
    centre = np.zeros((3, 3))
    centre[1, 1] = 1.0  # identity kernel: with padding 1 the output is the image itself
    assert_close(student.conv2d_single(image, centre, padding=1), image,
                 name="conv2d_single(image, centre kernel, padding=1)")
    assert_close(student.conv2d_single(image, centre, stride=2, padding=1), image[::2, ::2],
                 name="conv2d_single(image, centre kernel, stride=2, padding=1)")


# -- conv_forward / conv_backward -------------------------------------------------------

def _linspace_fixture():
    x = np.linspace(-0.1, 0.5, num=2 * 3 * 4 * 4).reshape(2, 3, 4, 4)
    w = np.linspace(-0.2, 0.3, num=3 * 3 * 4 * 4).reshape(3, 3, 4, 4)
    b = np.linspace(-0.1, 0.2, num=3)
    return x, w, b


@pytest.mark.grade("conv_forward", points=3)
def test_conv_forward_linspace_fixture(student):
    """conv_forward with N=2, C=3, F=3, 4x4 filters, stride 2, pad 1 (values to 8 decimals)."""
    x, w, b = _linspace_fixture()
    with inputs_unchanged(x, w, b, names=["x", "w", "b"]):
        out, _ = student.conv_forward(x, w, b, stride=2, pad=1)
    expected = np.array([
        [[[-0.08759809, -0.10987781], [-0.18387192, -0.21092160]],
         [[0.21027089, 0.21661097], [0.22847626, 0.23004637]],
         [[0.50813986, 0.54309974], [0.64082444, 0.67101435]]],
        [[[-0.98053589, -1.03143541], [-1.19128892, -1.24695841]],
         [[0.69108355, 0.66880383], [0.59480972, 0.56776003]],
         [[2.36270298, 2.36904306], [2.38090835, 2.38247847]]],
    ])
    assert_close(out, expected, rtol=0, atol=1e-8, name="conv_forward(x, w, b, stride=2, pad=1)")


@pytest.mark.grade("conv_forward", points=2)
def test_conv_forward_bias_per_filter(student, rng):
    """On a zero input every entry of filter f's map equals b[f] (F=3, output width 4)."""
    x = np.zeros((2, 2, 4, 4))
    w = rng.standard_normal((3, 2, 3, 3))
    b = np.array([1.5, -2.0, 0.25])
    out, _ = student.conv_forward(x, w, b, stride=1, pad=1)
    assert_close(out, np.broadcast_to(b[None, :, None, None], (2, 3, 4, 4)).copy(),
                 name="conv_forward(zeros, w, b, pad=1)")


@pytest.mark.grade("conv_backward", points=5)
def test_conv_backward_gradcheck_stride2_pad1(student, rng):
    """conv_backward matches central differences for dx, dw, db (N=2, C=2, F=3, stride 2, pad 1)."""
    x = rng.standard_normal((2, 2, 7, 7))
    w = rng.standard_normal((3, 2, 3, 3))
    b = rng.standard_normal(3)
    dout = rng.standard_normal((2, 3, 4, 4))
    _, cache = student.conv_forward(x, w, b, stride=2, pad=1)
    with inputs_unchanged(dout, names=["dout"]):
        dx, dw, db = student.conv_backward(dout, cache)
    check_gradient(student.conv_forward, (x, w, b), {0: dx, 1: dw, 2: db}, kwargs={"stride": 2, "pad": 1},
                   dout=dout, pick=0, names={0: "dx", 1: "dw", 2: "db"}, label="conv_backward")


# -- max pooling -------------------------------------------------------------------------

@pytest.mark.grade("max_pool_forward", points=2)
def test_max_pool_forward_overlapping_windows(student):
    """3x3 windows with stride 2 (overlapping) on a 5x5 map; the default is 2x2 with stride 2."""
    x = POOL_MAP[None, None]
    with inputs_unchanged(x, names=["x"]):
        out, _ = student.max_pool_forward(x, pool_size=3, stride=2)
    assert_close(out, np.array([[[[7.0, 8.0], [9.0, 8.0]]]]), name="max_pool_forward(x, 3, 2)")
    out, _ = student.max_pool_forward(POOL_MAP[None, None, :4, :4])
    assert_close(out, np.array([[[[5.0, 7.0], [9.0, 8.0]]]]), name="max_pool_forward(x) with defaults")


@pytest.mark.grade("max_pool_forward", points=1)
def test_max_pool_forward_rejects_windows_that_do_not_fit(student):
    """Windows that do not tile the input are a ValueError."""
    with pytest.raises(ValueError):
        student.max_pool_forward(np.zeros((1, 1, 5, 5)), pool_size=2, stride=2)


@pytest.mark.grade("max_pool_backward", points=1)
def test_max_pool_backward_ties_go_to_first_maximum(student):
    """With ties, the whole gradient goes to the first maximum in row-major order."""
    x = np.array([[[[0.0, 5.0, 2.0, 1.0, 3.0, 3.0],
                    [5.0, 1.0, 9.0, 9.0, 3.0, 3.0]]]])
    out, cache = student.max_pool_forward(x, pool_size=2, stride=2)
    dx = student.max_pool_backward(np.array([[[[10.0, 20.0, 30.0]]]]), cache)
    expected = np.array([[[[0.0, 10.0, 0.0, 0.0, 30.0, 0.0],
                           [0.0, 0.0, 20.0, 0.0, 0.0, 0.0]]]])
    assert_close(dx, expected, name="max_pool_backward(dout, cache) with tied maxima")


@pytest.mark.grade("max_pool_backward", points=1)
def test_max_pool_backward_shared_maximum_accumulates(student):
    """A cell that is the maximum of two overlapping windows receives both gradients."""
    out, cache = student.max_pool_forward(POOL_MAP[None, None], pool_size=3, stride=2)
    dx = student.max_pool_backward(np.array([[[[1.0, 2.0], [3.0, 4.0]]]]), cache)
    expected = np.zeros((1, 1, 5, 5))
    expected[0, 0, 1, 2] = 1.0
    expected[0, 0, 2, 3] = 2.0 + 4.0
    expected[0, 0, 3, 1] = 3.0
    assert_close(dx, expected, name="max_pool_backward(dout, cache), 3x3 windows, stride 2")


@pytest.mark.grade("max_pool_backward", points=2)
def test_max_pool_backward_gradcheck_overlapping(student, rng):
    """max_pool_backward matches central differences, 3x3 windows with stride 2, no ties."""
    x = _distinct(rng, (3, 2, 7, 7))
    dout = rng.standard_normal((3, 2, 3, 3))
    _, cache = student.max_pool_forward(x, pool_size=3, stride=2)
    dx = student.max_pool_backward(dout, cache)
    check_gradient(student.max_pool_forward, (x,), {0: dx}, kwargs={"pool_size": 3, "stride": 2},
                   dout=dout, pick=0, names={0: "dx"}, label="max_pool_backward")


# -- average pooling -----------------------------------------------------------------------

@pytest.mark.grade("avg_pool_forward", points=2)
def test_avg_pool_forward_overlapping_windows(student):
    """Mean of each 3x3 window with stride 2 on the 5x5 map."""
    out, _ = student.avg_pool_forward(POOL_MAP[None, None], pool_size=3, stride=2)
    assert_close(out, np.array([[[[27.0, 25.0], [31.0, 35.0]]]]) / 9.0, name="avg_pool_forward(x, 3, 2)")


@pytest.mark.grade("avg_pool_backward", points=2)
def test_avg_pool_backward_gradcheck_overlapping(student, rng):
    """avg_pool_backward matches central differences, 3x3 windows with stride 2."""
    x = rng.standard_normal((3, 2, 7, 5))
    dout = rng.standard_normal((3, 2, 3, 2))
    _, cache = student.avg_pool_forward(x, pool_size=3, stride=2)
    with inputs_unchanged(dout, names=["dout"]):
        dx = student.avg_pool_backward(dout, cache)
    check_gradient(student.avg_pool_forward, (x,), {0: dx}, kwargs={"pool_size": 3, "stride": 2},
                   dout=dout, pick=0, names={0: "dx"}, label="avg_pool_backward")


# -- global average pooling -------------------------------------------------------------------

@pytest.mark.grade("global_avg_pool_forward", points=1)
def test_global_avg_pool_forward_means(student):
    """(N, C, H, W) -> (N, C): the mean of every feature map."""
    x = np.arange(2 * 3 * 2 * 4, dtype=float).reshape(2, 3, 2, 4)
    out, _ = student.global_avg_pool_forward(x)
    assert_close(out, 8.0 * np.arange(6, dtype=float).reshape(2, 3) + 3.5, name="global_avg_pool_forward(x)")


@pytest.mark.grade("global_avg_pool_backward", points=1)
def test_global_avg_pool_backward_gradcheck(student, rng):
    """global_avg_pool_backward matches central differences (H != W)."""
    x = rng.standard_normal((3, 2, 3, 4))
    dout = rng.standard_normal((3, 2))
    _, cache = student.global_avg_pool_forward(x)
    dx = student.global_avg_pool_backward(dout, cache)
    check_gradient(student.global_avg_pool_forward, (x,), {0: dx}, dout=dout, pick=0,
                   names={0: "dx"}, label="global_avg_pool_backward")


# -- gaussian_kernel ----------------------------------------------------------------------------

@pytest.mark.grade("gaussian_kernel", points=1)
def test_gaussian_kernel_3x3_formula(student):
    """exp(-(i^2 + j^2) / (2 sigma^2)) at offsets -1, 0, 1, divided by the sum (sigma = 1)."""
    e1, e2 = np.exp(-0.5), np.exp(-1.0)
    raw = np.array([[e2, e1, e2], [e1, 1.0, e1], [e2, e1, e2]])
    assert_close(student.gaussian_kernel(3, 1.0), raw / raw.sum(), name="gaussian_kernel(3, 1.0)")


@pytest.mark.grade("gaussian_kernel", points=1)
def test_gaussian_kernel_properties(student):
    """A 7x7 kernel sums to 1, is symmetric and is largest at the centre."""
    g = student.gaussian_kernel(7, 1.5)
    assert type(g) is np.ndarray and g.shape == (7, 7), f"expected a (7, 7) ndarray, got {type(g).__name__} {np.shape(g)}"
    assert_close(g.sum(), 1.0, rtol=0, atol=1e-12, name="gaussian_kernel(7, 1.5).sum()")
    assert_close(g, g.T, name="gaussian_kernel(7, 1.5) against its transpose")
    assert_close(g, g[::-1, ::-1], name="gaussian_kernel(7, 1.5) against itself turned by 180 degrees")
    others = np.delete(g.ravel(), 3 * 7 + 3)
    assert g[3, 3] > others.max(), "the centre entry g[3, 3] must be strictly the largest"


@pytest.mark.grade("gaussian_kernel", points=1)
def test_gaussian_kernel_rejects_bad_arguments(student):
    """An even size or a sigma <= 0 is a ValueError."""
    with pytest.raises(ValueError):
        student.gaussian_kernel(4, 1.0)
    with pytest.raises(ValueError):
        student.gaussian_kernel(5, 0.0)
