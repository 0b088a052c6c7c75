"""Hidden checks for assignment 02 (functions.py)."""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged
from shared.gradcheck import check_gradient

RAISE = dict(over="raise", invalid="raise", divide="raise")


def _away_from_zero(rng, shape, low=0.1, high=3.0):
    return rng.uniform(low, high, shape) * rng.choice([-1.0, 1.0], shape)


def _softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


# ---------------------------------------------------------------------------
# activations
# ---------------------------------------------------------------------------

ACTIVATIONS = {  # name -> extra positional arguments (alpha passed by position checks the argument order)
    "sigmoid": (), "sigmoid_grad": (),
    "tanh": (), "tanh_grad": (),
    "relu": (), "relu_grad": (),
    "leaky_relu": (0.2,), "leaky_relu_grad": (0.2,),
    "elu": (1.7,), "elu_grad": (1.7,),
}
TEXTBOOK_X = np.array([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0])


@pytest.mark.parametrize("fn", list(ACTIVATIONS))
@pytest.mark.grade("{fn}", points=1)
def test_activation_matches_reference(student, ref, rng, fn):
    """Random 3-D input with exact zeros (the kinks) and the textbook points, at full precision."""
    extra = ACTIVATIONS[fn]
    x = 2.5 * rng.standard_normal((3, 4, 5))
    x[0, 0, :3] = 0.0
    x[2, 1, 4] = 0.0
    with inputs_unchanged(x, names=["x"]):
        out = getattr(student, fn)(x, *extra)
    assert_close(out, getattr(ref, fn)(x, *extra), name=f"{fn}(x)")
    assert_close(getattr(student, fn)(TEXTBOOK_X, *extra), getattr(ref, fn)(TEXTBOOK_X, *extra), name=f"{fn}(x)")


@pytest.mark.parametrize("fn", list(ACTIVATIONS))
@pytest.mark.grade("{fn}", points=0.5)
def test_activation_integer_and_scalar_inputs(student, ref, fn):
    """An integer array gives a float array of its shape; a 0-d input gives a scalar (or 0-d array)."""
    x = np.array([[-3, -1, 0], [1, 2, 5]])
    with inputs_unchanged(x, names=["x"]):
        out = getattr(student, fn)(x)
    assert_close(out, getattr(ref, fn)(x), name=f"{fn}(integer array)")
    for v in (np.array(-2), np.array(0), np.float64(1.5)):
        assert_close(getattr(student, fn)(v), getattr(ref, fn)(v), name=f"{fn}(0-d input {v})")


@pytest.mark.grade("sigmoid", points=1)
def test_sigmoid_extreme_inputs_do_not_overflow(student, ref):
    """sigmoid near and beyond the float64 exponent limits, with no overflow."""
    x = np.array([[-1e4, -1000.0, -745.5, -709.9, -40.0], [40.0, 709.9, 745.5, 1000.0, 1e4]])
    with np.errstate(**RAISE):
        out = student.sigmoid(x)
    assert_close(out, ref.sigmoid(x), name="sigmoid(x)")


@pytest.mark.grade("sigmoid_grad", points=1)
def test_sigmoid_grad_extreme_inputs_do_not_overflow(student, ref):
    """sigmoid_grad at large |x| is (close to) 0, with no overflow and no nan."""
    x = np.array([-1000.0, -60.0, -20.0, 20.0, 60.0, 1000.0])
    with np.errstate(**RAISE):
        out = student.sigmoid_grad(x)
    assert_close(out, ref.sigmoid_grad(x), name="sigmoid_grad(x)")


@pytest.mark.grade("tanh", points=1)
def test_tanh_large_inputs_do_not_overflow(student, ref):
    """tanh at large |x| is -1 or 1, with no overflow and no nan."""
    x = np.array([-1000.0, -400.0, -20.0, 20.0, 400.0, 1000.0])
    with np.errstate(**RAISE):
        out = student.tanh(x)
    assert_close(out, ref.tanh(x), name="tanh(x)")


@pytest.mark.grade("tanh_grad", points=0.5)
def test_tanh_grad_large_inputs_are_zero(student, ref):
    """tanh_grad at large |x| is 0, with no overflow and no nan."""
    x = np.array([-1000.0, -400.0, 400.0, 1000.0])
    with np.errstate(**RAISE):
        out = student.tanh_grad(x)
    assert_close(out, ref.tanh_grad(x), name="tanh_grad(x)")


@pytest.mark.grade("elu", points=1)
def test_elu_large_positive_inputs_do_not_overflow(student, ref):
    """elu is x for large positive x and -alpha for very negative x, with no overflow."""
    x = np.array([1000.0, 710.0, 2.5, 0.0, -1000.0])
    with np.errstate(**RAISE):
        out = student.elu(x)
        out2 = student.elu(x, alpha=0.5)
    assert_close(out, ref.elu(x), name="elu(x)")
    assert_close(out2, ref.elu(x, alpha=0.5), name="elu(x, alpha=0.5)")


@pytest.mark.grade("elu_grad", points=0.5)
def test_elu_grad_large_inputs(student, ref):
    """elu_grad is 1 for large positive x and 0 for very negative x (no inf or nan in the result)."""
    x = np.array([1000.0, 710.0, 3.0, -3.0, -1000.0])
    with np.errstate(all="ignore"):  # only the values count here
        out = student.elu_grad(x, alpha=2.0)
    assert_close(out, ref.elu_grad(x, alpha=2.0), name="elu_grad(x, alpha=2)")


# ---------------------------------------------------------------------------
# softmax and softmax_backward
# ---------------------------------------------------------------------------

@pytest.mark.grade("softmax", points=1.5)
def test_softmax_matches_reference_every_axis(student, ref, rng):
    """softmax of a (2, 3, 4) array along every axis (given as 0, 1, 2 and -1)."""
    x = 3 * rng.standard_normal((2, 3, 4))
    for axis in (0, 1, 2, -1):
        with inputs_unchanged(x, names=["x"]):
            out = student.softmax(x, axis=axis)
        assert_close(out, ref.softmax(x, axis=axis), name=f"softmax(x, axis={axis})")


@pytest.mark.grade("softmax", points=1)
def test_softmax_huge_rows_do_not_overflow(student, ref):
    """A batch of rows on very different scales, each normalised with no overflow."""
    x = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1000.0, -999.0], [0.0, 0.0, 0.0], [1e5, 0.0, -1e5]])
    with inputs_unchanged(x, names=["x"]), np.errstate(**RAISE):
        out = student.softmax(x)
    assert_close(out, ref.softmax(x), name="softmax(x)")


@pytest.mark.grade("softmax", points=0.5)
def test_softmax_integer_input_full_precision(student, ref):
    """softmax of integer logits returns floats, matching the textbook example at full precision."""
    x = np.array([[1, 2, 3], [3, 0, -2]])
    assert_close(student.softmax(x), ref.softmax(x), name="softmax(x)")


@pytest.mark.grade("softmax_backward", points=1.5)
def test_softmax_backward_matches_reference(student, ref, rng):
    """softmax_backward along axis 0 of a (5, 3) array and along the last axis of a (2, 3, 4) array."""
    for shape, axis in (((5, 3), 0), ((2, 3, 4), -1)):
        s = ref.softmax(rng.standard_normal(shape), axis=axis)
        dout = rng.standard_normal(shape)
        with inputs_unchanged(dout, s, names=["dout", "s"]):
            dx = student.softmax_backward(dout, s, axis=axis)
        assert_close(dx, ref.softmax_backward(dout, s, axis=axis), name=f"softmax_backward(dout, s, axis={axis})")


@pytest.mark.grade("softmax_backward", points=1.5)
def test_softmax_backward_gradcheck_middle_axis(student, ref, rng):
    """softmax_backward along axis 1 of a (3, 4, 2) array matches central differences (random dout)."""
    x = rng.standard_normal((3, 4, 2))
    dout = rng.standard_normal((3, 4, 2))
    dx = student.softmax_backward(dout, ref.softmax(x, axis=1), axis=1)
    check_gradient(ref.softmax, (x,), {0: dx}, kwargs={"axis": 1}, dout=dout, names={0: "dx"},
                   label="softmax_backward")


# ---------------------------------------------------------------------------
# losses
# ---------------------------------------------------------------------------

LOSSES = ["mse", "sse", "l1", "smooth_l1", "huber", "kl_divergence", "cross_entropy", "binary_cross_entropy",
          "softmax_cross_entropy"]
NO_REDUCTION = {"sse", "sse_grad"}


def _regression(rng, shape=(4, 3), zero=True):
    """Residuals on both sides of 1 and of delta = 1.7, optionally one exactly 0 (the kink of |d|)."""
    y_true = rng.standard_normal(shape)
    d = _away_from_zero(rng, shape, 0.05, 3.5)
    if zero:
        d[0, 0] = 0.0
    return y_true + d, y_true


def _probs(rng, shape, scale=1.0):
    return _softmax(scale * rng.standard_normal(shape))


def _loss_case(name, rng):
    """(args, extra keyword arguments) for a loss value; clipping may be active here."""
    if name in ("mse", "sse", "l1", "smooth_l1"):
        return _regression(rng), {}
    if name == "huber":
        return _regression(rng), {"delta": 1.7}
    if name == "kl_divergence":
        q, p = _probs(rng, (5, 4)), _probs(rng, (5, 4))
        p[0, 1] = 0.0      # 0 log 0 = 0
        p[0] /= p[0].sum()
        q[3, 2] = 0.0      # clipped to eps
        return (q, p), {"eps": 1e-9}
    if name == "cross_entropy":
        probs, labels = _probs(rng, (5, 4), 2.0), rng.integers(0, 4, 5)
        probs[2, labels[2]] = 0.0  # clipped to eps
        return (probs, labels), {"eps": 1e-9}
    if name == "binary_cross_entropy":
        p = rng.uniform(0.02, 0.98, (4, 3))
        y = rng.integers(0, 2, (4, 3)).astype(float)
        y[1, 1] = 0.3             # a soft target
        p[0, 0], y[0, 0] = 0.0, 1.0   # clipped to eps
        p[3, 2], y[3, 2] = 1.0, 0.0   # clipped to 1 - eps
        return (p, y), {"eps": 1e-9}
    if name == "softmax_cross_entropy":
        return (3 * rng.standard_normal((5, 4)), rng.integers(0, 4, 5)), {}
    raise KeyError(name)


TEXTBOOK = {  # the public worked examples, now checked at full precision
    "mse": ((np.array([1.5, 1.5, 2.0]), np.array([1.0, 2.0, -1.0])), {}),
    "sse": ((np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]), np.eye(10)[2]), {}),
    "l1": ((np.array([1.5, 1.5, 2.0]), np.array([1.0, 2.0, -1.0])), {}),
    "smooth_l1": ((np.array([0.5, -0.5, 3.0, -1.0]), np.zeros(4)), {}),
    "huber": ((np.array([3.0, 1.0]), np.zeros(2)), {"delta": 2.0}),
    "kl_divergence": ((np.array([[0.9, 0.1], [0.5, 0.5]]), np.array([[0.5, 0.5], [0.0, 1.0]])), {}),
    "cross_entropy": ((_softmax(np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])), np.array([2, 0])), {}),
    "binary_cross_entropy": ((np.array([0.9, 0.9]), np.array([1.0, 0.0])), {}),
    "softmax_cross_entropy": ((np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]]), np.array([2, 0])), {}),
}


def _reductions(name):
    return [None] if name in NO_REDUCTION else ["mean", "sum"]


def _call(fn, args, kwargs, reduction):
    return fn(*args, **kwargs) if reduction is None else fn(*args, **kwargs, reduction=reduction)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.grade("{loss}", points=1)
def test_loss_matches_reference(student, ref, rng, loss):
    """The loss on random 2-D inputs (with clipping where it applies) and the worked example, both reductions."""
    for args, kwargs in (_loss_case(loss, rng), TEXTBOOK[loss]):
        for reduction in _reductions(loss):
            with inputs_unchanged(*args, names=["prediction", "target"]):
                got = _call(getattr(student, loss), args, kwargs, reduction)
            assert_close(got, _call(getattr(ref, loss), args, kwargs, reduction),
                         name=f"{loss}(..., reduction={reduction!r})")
    if loss not in NO_REDUCTION:  # API order by position: (prediction, target, [delta | eps], reduction)
        args, kwargs = _loss_case(loss, rng)
        positional = (*args, *kwargs.values(), "sum")
        assert_close(getattr(student, loss)(*positional), getattr(ref, loss)(*positional),
                     name=f"{loss}(...) with its arguments passed by position")


def _grad_case(name, rng):
    """(args, extra keyword arguments) for a gradient: away from kinks and clipping bounds."""
    loss = name[:-5]
    if loss in ("mse", "sse"):
        return _regression(rng), {}
    if loss == "l1":
        return _regression(rng, zero=True), {}    # the exact zero residual must give 0
    if loss == "smooth_l1":
        return _regression(rng, zero=False), {}
    if loss == "huber":
        return _regression(rng, zero=False), {"delta": 1.7}
    if loss == "kl_divergence":
        return (_probs(rng, (5, 4), 0.5), _probs(rng, (5, 4))), {"eps": 1e-9}
    if loss == "cross_entropy":
        return (_probs(rng, (5, 4), 0.5), rng.integers(0, 4, 5)), {"eps": 1e-9}
    if loss == "binary_cross_entropy":
        return (rng.uniform(0.05, 0.95, (4, 3)), rng.integers(0, 2, (4, 3)).astype(float)), {"eps": 1e-9}
    if loss == "softmax_cross_entropy":
        return (3 * rng.standard_normal((5, 4)), rng.integers(0, 4, 5)), {}
    raise KeyError(name)


LOSS_GRADS = [f"{name}_grad" for name in LOSSES]


@pytest.mark.parametrize("grad", LOSS_GRADS)
@pytest.mark.grade("{grad}", points=1)
def test_loss_grad_matches_reference(student, ref, rng, grad):
    """The gradient on random 2-D inputs (N != K, class labels for the cross-entropies), both reductions."""
    args, kwargs = _grad_case(grad, rng)
    for reduction in _reductions(grad):
        with inputs_unchanged(*args, names=["prediction", "target"]):
            got = _call(getattr(student, grad), args, kwargs, reduction)
        assert_close(got, _call(getattr(ref, grad), args, kwargs, reduction), name=f"{grad}(..., reduction={reduction!r})")


def _onehot_float(args, grad):
    """Central differences perturb float copies of every array argument: pass class labels as one-hot rows."""
    pred, target = args
    if grad in ("cross_entropy_grad", "softmax_cross_entropy_grad"):
        target = np.eye(pred.shape[-1])[target]
    return pred, target


@pytest.mark.parametrize("grad", LOSS_GRADS)
@pytest.mark.grade("{grad}", points=0.5)
def test_loss_grad_matches_central_differences_of_sum(student, ref, rng, grad):
    """The gradient for reduction="sum" matches central differences of the reference loss."""
    args, kwargs = _grad_case(grad, rng)
    args = _onehot_float(args, grad)
    kw = dict(kwargs) if grad in NO_REDUCTION else {**kwargs, "reduction": "sum"}
    analytic = getattr(student, grad)(*args, **kw)
    check_gradient(getattr(ref, grad[:-5]), args, {0: analytic}, kwargs=kw, names={0: "gradient"}, label=grad)


@pytest.mark.parametrize("loss", [name for name in LOSSES if name not in NO_REDUCTION])
@pytest.mark.grade("{loss}", points=0.5)
def test_loss_rejects_unknown_reduction(student, rng, loss):
    """An unknown reduction raises ValueError naming the reduction argument."""
    args, kwargs = _grad_case(f"{loss}_grad", rng)
    for bad in ("average", "avg"):  # clearly unknown names (a "none" extension is not penalised)
        with pytest.raises(ValueError, match="(?i)reduction"):
            getattr(student, loss)(*args, **kwargs, reduction=bad)


@pytest.mark.parametrize("grad", LOSS_GRADS)
@pytest.mark.grade("{grad}", points=0.5)
def test_loss_grad_rejects_bad_arguments(student, rng, grad):
    """The gradient raises ValueError for a (N, 1) prediction against (N,) targets and for an unknown reduction."""
    if grad in ("cross_entropy_grad", "softmax_cross_entropy_grad"):
        bad_shapes = (np.full((3, 4), 0.25), np.array([[0], [3], [1]]))
    else:
        bad_shapes = (np.full((3, 1), 0.4), np.array([0.5, 0.2, 0.9]))
    with pytest.raises(ValueError):
        getattr(student, grad)(*bad_shapes)
    if grad not in NO_REDUCTION:
        args, kwargs = _grad_case(grad, rng)
        with pytest.raises(ValueError, match="(?i)reduction"):
            getattr(student, grad)(*args, **kwargs, reduction="average")


@pytest.mark.grade("kl_divergence", points=1)
def test_kl_divergence_zero_and_clipped_entries(student, ref):
    """Zero true probabilities contribute 0 (no nan); a zero prediction is clipped to eps (finite)."""
    q = np.array([[0.5, 0.5, 0.0], [0.2, 0.0, 0.8], [0.1, 0.6, 0.3]])
    p = np.array([[0.0, 1.0, 0.0], [0.3, 0.0, 0.7], [0.1, 0.2, 0.7]])
    with np.errstate(all="ignore"):  # only the values count here
        got = student.kl_divergence(q, p, reduction="sum")
        got_eps = student.kl_divergence(np.array([0.0, 1.0]), np.array([0.5, 0.5]), eps=1e-6)
    assert_close(got, ref.kl_divergence(q, p, reduction="sum"), name="kl_divergence(..., reduction='sum')")
    assert_close(got_eps, ref.kl_divergence(np.array([0.0, 1.0]), np.array([0.5, 0.5]), eps=1e-6),
                 name="kl_divergence(q_pred with a zero, p_true, eps=1e-6)")


@pytest.mark.grade("cross_entropy", points=1)
def test_cross_entropy_zero_probability_is_clipped(student, ref):
    """A zero probability at the true class gives -log(eps), finite, for labels and one-hot alike."""
    probs = np.array([[0.0, 0.3, 0.7], [0.2, 0.2, 0.6], [0.5, 0.5, 0.0], [1.0, 0.0, 0.0]])
    labels = np.array([0, 2, 2, 0])
    with np.errstate(**RAISE):
        by_label = student.cross_entropy(probs, labels)
        by_onehot = student.cross_entropy(probs, np.eye(3)[labels], eps=1e-7, reduction="sum")
    assert_close(by_label, ref.cross_entropy(probs, labels), name="cross_entropy(probs, labels)")
    assert_close(by_onehot, ref.cross_entropy(probs, np.eye(3)[labels], eps=1e-7, reduction="sum"),
                 name="cross_entropy(probs, one_hot, eps=1e-7, reduction='sum')")


@pytest.mark.grade("binary_cross_entropy", points=1)
def test_binary_cross_entropy_extreme_probabilities(student, ref):
    """p = 0 and p = 1 are clipped to [eps, 1 - eps]: large but finite losses, for two values of eps."""
    p = np.array([0.0, 1.0, 0.0, 1.0])
    y = np.array([1.0, 0.0, 0.0, 1.0])
    with np.errstate(**RAISE):
        got = student.binary_cross_entropy(p, y, reduction="sum")
        got7 = student.binary_cross_entropy(p, y, eps=1e-7, reduction="sum")
    # near the clip bound 1 - eps, log(1 - p) and log1p(-p) differ in the 7th digit: both are fine
    assert_close(got, ref.binary_cross_entropy(p, y, reduction="sum"), rtol=1e-5,
                 name="binary_cross_entropy(..., reduction='sum')")
    assert_close(got7, ref.binary_cross_entropy(p, y, eps=1e-7, reduction="sum"), rtol=1e-5,
                 name="binary_cross_entropy(..., eps=1e-7, reduction='sum')")


@pytest.mark.grade("softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_huge_logits_batch(student, ref):
    """Huge and very negative logits in a batch: finite loss, labels and one-hot agree, no overflow."""
    logits = np.array([[1000.0, 1001.0, 1002.0, 0.0], [-1000.0, 5.0, -1000.0, 0.0], [800.0, -800.0, 0.0, 1.0]])
    labels = np.array([2, 0, 1])
    with np.errstate(**RAISE):
        by_label = student.softmax_cross_entropy(logits, labels)
        by_onehot = student.softmax_cross_entropy(logits, np.eye(4)[labels], reduction="sum")
    assert_close(by_label, ref.softmax_cross_entropy(logits, labels), name="softmax_cross_entropy(logits, labels)")
    assert_close(by_onehot, ref.softmax_cross_entropy(logits, np.eye(4)[labels], reduction="sum"),
                 name="softmax_cross_entropy(logits, one_hot, reduction='sum')")


@pytest.mark.grade("softmax_cross_entropy_grad", points=1)
def test_softmax_cross_entropy_grad_huge_logits(student, ref):
    """The gradient for huge logits is finite and equals (softmax - one_hot) / N, with no overflow."""
    logits = np.array([[1000.0, 1001.0, 1002.0, 0.0], [-1000.0, 5.0, -1000.0, 0.0], [800.0, -800.0, 0.0, 1.0]])
    labels = np.array([2, 0, 1])
    with np.errstate(**RAISE):
        got = student.softmax_cross_entropy_grad(logits, labels)
    assert_close(got, ref.softmax_cross_entropy_grad(logits, labels), name="softmax_cross_entropy_grad(logits, labels)")


@pytest.mark.parametrize("grad", ["mse_grad", "l1_grad", "huber_grad"])
@pytest.mark.grade("{grad}", points=0.5)
def test_regression_grad_integer_inputs(student, ref, grad):
    """Integer predictions and targets give a float gradient (no truncation to integers)."""
    y_pred, y_true = np.array([[3, 1, 4], [1, 5, 9]]), np.array([[1, 1, 5], [9, 2, 6]])
    kwargs = {"delta": 1.5} if grad == "huber_grad" else {}
    with inputs_unchanged(y_pred, y_true, names=["y_pred", "y_true"]):
        got = getattr(student, grad)(y_pred, y_true, **kwargs)
    assert_close(got, getattr(ref, grad)(y_pred, y_true, **kwargs), name=f"{grad}(integer arrays)")
