"""Hidden checks for assignment 05 (cnn.py).

Inputs are sized so that a naive six-loop convolution finishes every call in a few
milliseconds: gradient checks use at most ~300 entries per batch of perturbed calls.
"""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged
from shared.gradcheck import check_gradient

RAISE = dict(over="raise", invalid="raise", divide="raise")


def _distinct(rng, shape, spacing=0.1):
    """Random values at least ~spacing apart: no ties, so max pooling is differentiable."""
    n = int(np.prod(shape))
    return (rng.permutation(n) * spacing + rng.uniform(0, spacing / 4, n)).reshape(shape) - n * spacing / 2


def _conv_args(rng, x_shape, w_shape):
    return rng.standard_normal(x_shape), rng.standard_normal(w_shape), rng.standard_normal(w_shape[0])


# -- conv_output_size ------------------------------------------------------------------

@pytest.mark.grade("conv_output_size", points=2)
def test_conv_output_size_more_cases(student):
    """More sizes by 004 eq 5-32, including padding with stride 2 and numpy integer inputs; an int comes back."""
    cases = {(5, 3, 1, 2): 3, (28, 5, 0, 1): 24, (4, 2, 0, 2): 2, (3, 3, 0, 2): 1, (13, 3, 1, 3): 5, (1, 1, 0, 1): 1}
    for (W, F, P, S), expected in cases.items():
        assert_close(student.conv_output_size(W, F, P, S), expected, name=f"conv_output_size({W}, {F}, {P}, {S})")
    got = student.conv_output_size(np.int64(9), np.int64(3), np.int64(1), np.int64(2))
    assert_close(got, 5, name="conv_output_size with numpy integer arguments")
    assert_close(student.conv_output_size(6, 2, stride=2), 3, name="conv_output_size(6, 2, stride=2)")


@pytest.mark.grade("conv_output_size", points=2)
def test_conv_output_size_more_error_cases(student):
    """Zero or negative sizes and strides that do not tile are ValueErrors."""
    for args in [(2, 3, 0, 1), (6, 3, 1, 4), (10, 4, 0, 4), (1, 3, 0, 2), (8, 3, 0, 2)]:
        with pytest.raises(ValueError):
            student.conv_output_size(*args)


# -- conv2d_single -------------------------------------------------------------------------

@pytest.mark.grade("conv2d_single", points=3)
def test_conv2d_single_matches_reference(student, ref, rng):
    """Random non-square image and kernel with bias, several strides and paddings."""
    for (H, W), (HH, WW), stride, padding in [((7, 8), (3, 2), 2, 1), ((6, 5), (2, 3), 1, 0), ((8, 8), (3, 3), 3, 2)]:
        image = rng.standard_normal((H, W))
        kernel = rng.standard_normal((HH, WW))
        bias = float(rng.standard_normal())
        with inputs_unchanged(image, kernel, names=["image", "kernel"]):
            got = student.conv2d_single(image, kernel, bias, stride, padding)
        assert_close(got, ref.conv2d_single(image, kernel, bias, stride, padding),
                     name=f"conv2d_single(image {H}x{W}, kernel {HH}x{WW}, stride={stride}, padding={padding})")


@pytest.mark.grade("conv2d_single", points=2)
def test_conv2d_single_integer_inputs_and_textbook_precision(student, ref):
    """Integer image and kernel give float64; the 004 eq 5-31 example at full precision with a bias."""
    image = np.array([[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]])
    kernel = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]])
    got = student.conv2d_single(image, kernel, bias=-0.25, padding=1)
    assert_close(got, ref.conv2d_single(image, kernel, bias=-0.25, padding=1),
                 name="conv2d_single(image, kernel, bias=-0.25, padding=1)")


# -- conv_forward --------------------------------------------------------------------------

@pytest.mark.grade("conv_forward", points=3)
def test_conv_forward_matches_reference_stride2_pad1(student, ref, rng):
    """N=3, C=3, F=4, 3x3 filters, stride 2, pad 1, against the reference."""
    x, w, b = _conv_args(rng, (3, 3, 9, 9), (4, 3, 3, 3))
    with inputs_unchanged(x, w, b, names=["x", "w", "b"]):
        out, _ = student.conv_forward(x, w, b, stride=2, pad=1)
    assert_close(out, ref.conv_forward(x, w, b, stride=2, pad=1)[0], name="conv_forward(x, w, b, stride=2, pad=1)")


@pytest.mark.grade("conv_forward", points=3)
def test_conv_forward_non_square_and_stride3(student, ref, rng):
    """Non-square inputs and filters (H != W, HH != WW), stride 1 and stride 3, against the reference."""
    for xs, ws, stride, pad in [((2, 3, 6, 7), (5, 3, 3, 2), 1, 0), ((2, 2, 10, 10), (3, 2, 4, 4), 3, 0),
                                ((2, 3, 11, 8), (2, 3, 3, 2), 2, 2)]:
        x, w, b = _conv_args(rng, xs, ws)
        out, _ = student.conv_forward(x, w, b, stride=stride, pad=pad)
        assert_close(out, ref.conv_forward(x, w, b, stride=stride, pad=pad)[0],
                     name=f"conv_forward(x {xs}, w {ws}, stride={stride}, pad={pad})")


@pytest.mark.grade("conv_forward", points=2)
def test_conv_forward_bias_when_F_equals_output_width(student, ref, rng):
    """F equal to the output width, where adding b along the wrong axis still broadcasts."""
    x, w, b = _conv_args(rng, (2, 2, 4, 4), (3, 2, 2, 2))  # output (2, 3, 3, 3)
    b = np.array([-1.0, 0.5, 2.0])
    out, _ = student.conv_forward(x, w, b)
    assert_close(out, ref.conv_forward(x, w, b)[0], name="conv_forward(x, w, b) with F == W'")


@pytest.mark.grade("conv_forward", points=2)
def test_conv_forward_integer_inputs(student, ref, rng):
    """Integer x, w and b give a float64 result and are left unchanged."""
    x = rng.integers(-3, 4, size=(2, 2, 5, 5))
    w = rng.integers(-2, 3, size=(3, 2, 3, 3))
    b = rng.integers(-2, 3, size=3)
    with np.errstate(**RAISE), inputs_unchanged(x, w, b, names=["x", "w", "b"]):
        out, _ = student.conv_forward(x, w, b, stride=2, pad=1)
    assert_close(out, ref.conv_forward(x, w, b, stride=2, pad=1)[0], name="conv_forward on integer arrays")


# -- conv_backward ---------------------------------------------------------------------------

@pytest.mark.grade("conv_backward", points=4)
def test_conv_backward_gradcheck_non_square(student, rng):
    """conv_backward matches central differences: N=3, 2x3 filters, H != W, stride 1, pad 1."""
    x, w, b = _conv_args(rng, (3, 2, 4, 5), (2, 2, 2, 3))
    dout = rng.standard_normal((3, 2, 5, 5))
    _, cache = student.conv_forward(x, w, b, stride=1, pad=1)
    dx, dw, db = student.conv_backward(dout, cache)
    check_gradient(student.conv_forward, (x, w, b), {0: dx, 1: dw, 2: db}, kwargs={"stride": 1, "pad": 1},
                   dout=dout, pick=0, names={0: "dx", 1: "dw", 2: "db"}, label="conv_backward")


def _backward_vs_ref(student, ref, rng, which):
    cases = [((3, 3, 9, 9), (4, 3, 3, 3), 2, 1), ((2, 3, 11, 8), (2, 3, 3, 2), 2, 2), ((2, 2, 10, 10), (3, 2, 4, 4), 3, 0)]
    names = ["dx", "dw", "db"]
    for xs, ws, stride, pad in cases:
        x, w, b = _conv_args(rng, xs, ws)
        out, cache = student.conv_forward(x, w, b, stride=stride, pad=pad)
        rout, rcache = ref.conv_forward(x, w, b, stride=stride, pad=pad)
        dout = rng.standard_normal(rout.shape)
        with inputs_unchanged(dout, names=["dout"]):
            got = student.conv_backward(dout, cache)
        expected = ref.conv_backward(dout, rcache)
        assert isinstance(got, (tuple, list)) and len(got) == 3, "conv_backward must return a tuple (dx, dw, db)"
        assert_close(got[which], expected[which],
                     name=f"{names[which]} of conv_backward (x {xs}, w {ws}, stride={stride}, pad={pad})")


@pytest.mark.grade("conv_backward", points=3)
def test_conv_backward_dx_matches_reference(student, ref, rng):
    """dx against the reference, with strides 2 and 3 and padding 0, 1, 2."""
    _backward_vs_ref(student, ref, rng, 0)


@pytest.mark.grade("conv_backward", points=3)
def test_conv_backward_dw_matches_reference(student, ref, rng):
    """dw against the reference: summed over the whole batch, strides 2 and 3."""
    _backward_vs_ref(student, ref, rng, 1)


@pytest.mark.grade("conv_backward", points=1)
def test_conv_backward_db_matches_reference(student, ref, rng):
    """db against the reference: summed over the batch and both spatial axes."""
    _backward_vs_ref(student, ref, rng, 2)


# -- max pooling ------------------------------------------------------------------------------

@pytest.mark.grade("max_pool_forward", points=2)
def test_max_pool_forward_matches_reference(student, ref, rng):
    """Overlapping and strided windows on non-square maps, against the reference."""
    for shape, pool, stride in [((3, 2, 7, 9), 3, 2), ((2, 3, 5, 6), 2, 1), ((2, 2, 8, 5), 2, 3)]:
        x = rng.standard_normal(shape)
        with inputs_unchanged(x, names=["x"]):
            out, _ = student.max_pool_forward(x, pool_size=pool, stride=stride)
        assert_close(out, ref.max_pool_forward(x, pool, stride)[0],
                     name=f"max_pool_forward(x {shape}, pool_size={pool}, stride={stride})")


@pytest.mark.grade("max_pool_forward", points=1)
def test_max_pool_forward_defaults_and_integers(student, rng):
    """Default 2x2 windows with stride 2; an integer input gives float64 maxima."""
    x = rng.integers(-50, 50, size=(3, 2, 4, 6))
    out, _ = student.max_pool_forward(x)
    expected = x.reshape(3, 2, 2, 2, 3, 2).max(axis=(3, 5)).astype(np.float64)
    assert_close(out, expected, name="max_pool_forward(integer x) with defaults")


@pytest.mark.grade("max_pool_forward", points=2)
def test_max_pool_forward_windows_that_do_not_fit(student):
    """Windows that do not tile the height or the width, or are larger than the map, are ValueErrors."""
    for shape, pool, stride in [((1, 1, 6, 7), 2, 2), ((2, 1, 7, 6), 3, 3), ((1, 2, 2, 2), 3, 1), ((1, 1, 8, 8), 3, 2)]:
        with pytest.raises(ValueError):
            student.max_pool_forward(np.zeros(shape), pool_size=pool, stride=stride)


@pytest.mark.grade("max_pool_forward", points=1)
def test_max_pool_forward_huge_values_are_stable(student, ref, rng):
    """Values near the float64 limit pool without overflow or warnings."""
    x = rng.standard_normal((2, 2, 5, 5)) * 1e307
    with np.errstate(**RAISE):
        out, _ = student.max_pool_forward(x, pool_size=3, stride=2)
    assert_close(out, ref.max_pool_forward(x, 3, 2)[0], name="max_pool_forward(huge x, 3, 2)")


@pytest.mark.grade("max_pool_backward", points=3)
def test_max_pool_backward_gradcheck_non_square(student, rng):
    """max_pool_backward matches central differences: non-square maps, 2x2 windows with stride 1."""
    x = _distinct(rng, (3, 2, 4, 6))
    dout = rng.standard_normal((3, 2, 3, 5))
    _, cache = student.max_pool_forward(x, pool_size=2, stride=1)
    with inputs_unchanged(dout, names=["dout"]):
        dx = student.max_pool_backward(dout, cache)
    check_gradient(student.max_pool_forward, (x,), {0: dx}, kwargs={"pool_size": 2, "stride": 1},
                   dout=dout, pick=0, names={0: "dx"}, label="max_pool_backward")


@pytest.mark.grade("max_pool_backward", points=3)
def test_max_pool_backward_ties_with_overlapping_windows(student, ref, rng):
    """Many ties (small integers) in overlapping windows: first maximum in row-major order, summed."""
    for shape, pool, stride in [((3, 2, 7, 9), 3, 2), ((2, 2, 5, 5), 2, 1)]:
        x = rng.integers(0, 3, size=shape).astype(np.float64)
        out, cache = student.max_pool_forward(x, pool_size=pool, stride=stride)
        rout, rcache = ref.max_pool_forward(x, pool, stride)
        dout = rng.standard_normal(rout.shape)
        assert_close(student.max_pool_backward(dout, cache), ref.max_pool_backward(dout, rcache),
                     name=f"max_pool_backward with ties (pool_size={pool}, stride={stride})")


@pytest.mark.grade("max_pool_backward", points=2)
def test_max_pool_backward_overlapping_matches_reference(student, ref, rng):
    """3x3 windows with stride 2 where many maxima sit in shared rows and columns, against the reference."""
    x = _distinct(rng, (3, 3, 9, 7))
    x[:, :, 2::2, :] += 100.0  # the rows shared by two windows hold the largest values
    out, cache = student.max_pool_forward(x, pool_size=3, stride=2)
    rout, rcache = ref.max_pool_forward(x, 3, 2)
    dout = rng.standard_normal(rout.shape)
    assert_close(student.max_pool_backward(dout, cache), ref.max_pool_backward(dout, rcache),
                 name="max_pool_backward(dout, cache), 3x3 windows, stride 2")


# -- average pooling ----------------------------------------------------------------------------

@pytest.mark.grade("avg_pool_forward", points=2)
def test_avg_pool_forward_matches_reference(student, ref, rng):
    """Overlapping and strided windows on non-square maps, against the reference."""
    for shape, pool, stride in [((3, 2, 7, 9), 3, 2), ((2, 3, 5, 6), 2, 1), ((2, 2, 8, 5), 2, 3)]:
        x = rng.standard_normal(shape)
        with inputs_unchanged(x, names=["x"]):
            out, _ = student.avg_pool_forward(x, pool_size=pool, stride=stride)
        assert_close(out, ref.avg_pool_forward(x, pool, stride)[0],
                     name=f"avg_pool_forward(x {shape}, pool_size={pool}, stride={stride})")


@pytest.mark.grade("avg_pool_forward", points=1)
def test_avg_pool_forward_defaults_and_integers(student):
    """Default 2x2 windows with stride 2 on an integer input give float64 means."""
    x = np.arange(2 * 1 * 4 * 6).reshape(2, 1, 4, 6)
    out, _ = student.avg_pool_forward(x)
    expected = x.reshape(2, 1, 2, 2, 3, 2).mean(axis=(3, 5))
    assert_close(out, expected, name="avg_pool_forward(integer x) with defaults")


@pytest.mark.grade("avg_pool_forward", points=1)
def test_avg_pool_forward_windows_that_do_not_fit(student):
    """Windows that do not tile the input are ValueErrors, as for max pooling."""
    for shape, pool, stride in [((1, 1, 6, 7), 2, 2), ((1, 2, 2, 2), 3, 1)]:
        with pytest.raises(ValueError):
            student.avg_pool_forward(np.zeros(shape), pool_size=pool, stride=stride)


@pytest.mark.grade("avg_pool_backward", points=2)
def test_avg_pool_backward_matches_reference(student, ref, rng):
    """Strides different from the window size (overlap and gaps), against the reference."""
    for shape, pool, stride in [((3, 2, 5, 6), 2, 1), ((2, 2, 8, 5), 2, 3), ((2, 3, 7, 9), 3, 2)]:
        x = rng.standard_normal(shape)
        out, cache = student.avg_pool_forward(x, pool_size=pool, stride=stride)
        rout, rcache = ref.avg_pool_forward(x, pool, stride)
        dout = rng.standard_normal(rout.shape)
        with inputs_unchanged(dout, names=["dout"]):
            got = student.avg_pool_backward(dout, cache)
        assert_close(got, ref.avg_pool_backward(dout, rcache),
                     name=f"avg_pool_backward (pool_size={pool}, stride={stride})")


@pytest.mark.grade("avg_pool_backward", points=2)
def test_avg_pool_backward_gradcheck_stride1(student, rng):
    """avg_pool_backward matches central differences: 3x3 windows with stride 1."""
    x = rng.standard_normal((3, 2, 5, 4))
    dout = rng.standard_normal((3, 2, 3, 2))
    _, cache = student.avg_pool_forward(x, pool_size=3, stride=1)
    dx = student.avg_pool_backward(dout, cache)
    check_gradient(student.avg_pool_forward, (x,), {0: dx}, kwargs={"pool_size": 3, "stride": 1},
                   dout=dout, pick=0, names={0: "dx"}, label="avg_pool_backward")


# -- global average pooling ----------------------------------------------------------------------

@pytest.mark.grade("global_avg_pool_forward", points=2)
def test_global_avg_pool_forward_matches_reference(student, ref, rng):
    """Non-square maps (H != W), N=3, C=4, against the reference; x unchanged."""
    x = rng.standard_normal((3, 4, 5, 7))
    with inputs_unchanged(x, names=["x"]):
        out, _ = student.global_avg_pool_forward(x)
    assert_close(out, ref.global_avg_pool_forward(x)[0], name="global_avg_pool_forward(x)")


@pytest.mark.grade("global_avg_pool_forward", points=1)
def test_global_avg_pool_forward_integer_input(student):
    """An integer input gives float64 means (no integer division)."""
    x = np.array([[[[1, 2], [2, 2]], [[0, 0], [0, 1]]]])
    out, _ = student.global_avg_pool_forward(x)
    assert_close(out, np.array([[1.75, 0.25]]), name="global_avg_pool_forward(integer x)")


@pytest.mark.grade("global_avg_pool_backward", points=2)
def test_global_avg_pool_backward_matches_reference(student, ref, rng):
    """dx = dout / (H W) spread over each map, with H != W, against the reference."""
    x = rng.standard_normal((3, 4, 5, 7))
    dout = rng.standard_normal((3, 4))
    _, cache = student.global_avg_pool_forward(x)
    _, rcache = ref.global_avg_pool_forward(x)
    with inputs_unchanged(dout, names=["dout"]):
        dx = student.global_avg_pool_backward(dout, cache)
    assert_close(dx, ref.global_avg_pool_backward(dout, rcache), name="global_avg_pool_backward(dout, cache)")


@pytest.mark.grade("global_avg_pool_backward", points=1)
def test_global_avg_pool_backward_gradcheck_wide_maps(student, rng):
    """global_avg_pool_backward matches central differences (H=2, W=5)."""
    x = rng.standard_normal((3, 3, 2, 5))
    dout = rng.standard_normal((3, 3))
    _, cache = student.global_avg_pool_forward(x)
    dx = student.global_avg_pool_backward(dout, cache)
    check_gradient(student.global_avg_pool_forward, (x,), {0: dx}, dout=dout, pick=0,
                   names={0: "dx"}, label="global_avg_pool_backward")


# -- gaussian_kernel --------------------------------------------------------------------------------

@pytest.mark.grade("gaussian_kernel", points=3)
def test_gaussian_kernel_matches_reference(student, ref):
    """Several sizes and sigmas other than 1, against the exact normalised formula."""
    for size, sigma in [(1, 2.0), (3, 0.8), (5, 1.7), (7, 0.5), (9, 3.0), (5, 2)]:
        g = student.gaussian_kernel(size, sigma)
        assert_close(g, ref.gaussian_kernel(size, sigma), name=f"gaussian_kernel({size}, {sigma})")
        assert_close(float(np.sum(g)), 1.0, rtol=0, atol=1e-12, name=f"gaussian_kernel({size}, {sigma}).sum()")


@pytest.mark.grade("gaussian_kernel", points=2)
def test_gaussian_kernel_tiny_and_huge_sigma(student):
    """A tiny sigma gives a single 1 at the centre, a huge one a uniform kernel, without warnings."""
    with np.errstate(**RAISE):
        sharp = student.gaussian_kernel(5, 0.01)
        flat = student.gaussian_kernel(3, 1e6)
    expected = np.zeros((5, 5))
    expected[2, 2] = 1.0
    assert_close(sharp, expected, name="gaussian_kernel(5, 0.01)")
    assert_close(flat, np.full((3, 3), 1.0 / 9.0), name="gaussian_kernel(3, 1e6)")


@pytest.mark.grade("gaussian_kernel", points=2)
def test_gaussian_kernel_more_bad_arguments(student):
    """Sizes 0, -3 and 2 and sigmas -1 and 0 are ValueErrors."""
    for size, sigma in [(0, 1.0), (-3, 1.0), (2, 0.5), (3, -1.0), (1, 0.0)]:
        with pytest.raises(ValueError):
            student.gaussian_kernel(size, sigma)
