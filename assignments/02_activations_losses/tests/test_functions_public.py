"""Public checks for assignment 02 (functions.py). Run them with `dlkit check 02`.

Expected values are computed by hand, printed to 8 decimals; gradients are
checked against central differences of your own forward functions.
"""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged
from shared.gradcheck import check_derivative, check_gradient

RAISE = dict(over="raise", invalid="raise", divide="raise")
PRINTED = 1e-8  # textbook values below are printed with 8 decimals


def _away_from_zero(rng, shape, low=0.1, high=3.0):
    """Random values with |x| in [low, high] and random signs (no kinks at 0)."""
    return rng.uniform(low, high, shape) * rng.choice([-1.0, 1.0], shape)


# ---------------------------------------------------------------------------
# activations
# ---------------------------------------------------------------------------

@pytest.mark.grade("sigmoid", points=1)
def test_sigmoid_textbook_values(student):
    """sigmoid at -2, 0 and 2 (000 eq 5-5)."""
    x = np.array([-2.0, 0.0, 2.0])
    with inputs_unchanged(x, names=["x"]):
        out = student.sigmoid(x)
    assert_close(out, np.array([0.11920292, 0.5, 0.88079708]), atol=PRINTED, name="sigmoid(x)")


@pytest.mark.grade("sigmoid", points=1)
def test_sigmoid_huge_inputs_do_not_overflow(student):
    """sigmoid(-1000) is 0 and sigmoid(1000) is 1, without an overflow."""
    x = np.array([-1000.0, -50.0, 50.0, 1000.0])
    with np.errstate(**RAISE):
        out = student.sigmoid(x)
    assert_close(out, np.array([0.0, 1.9287498479639178e-22, 1.0, 1.0]), name="sigmoid(x)")


@pytest.mark.grade("sigmoid_grad", points=1)
def test_sigmoid_grad_textbook_values(student):
    """sigmoid_grad is s(x)(1 - s(x)): 0.25 at 0, the same value at -2 and 2."""
    x = np.array([-2.0, 0.0, 2.0])
    assert_close(student.sigmoid_grad(x), np.array([0.10499359, 0.25, 0.10499359]), atol=PRINTED,
                 name="sigmoid_grad(x)")


@pytest.mark.grade("tanh", points=0.5)
def test_tanh_textbook_values(student):
    """tanh at -1, 0 and 0.5 (000 eq 5-6)."""
    x = np.array([-1.0, 0.0, 0.5])
    assert_close(student.tanh(x), np.array([-0.76159416, 0.0, 0.46211716]), atol=PRINTED, name="tanh(x)")


@pytest.mark.grade("tanh_grad", points=0.5)
def test_tanh_grad_textbook_values(student):
    """tanh_grad is 1 - tanh(x)^2: 1 at 0, 0.78644773 at 0.5."""
    x = np.array([0.0, 0.5, -0.5])
    assert_close(student.tanh_grad(x), np.array([1.0, 0.78644773, 0.78644773]), atol=PRINTED,
                 name="tanh_grad(x)")


@pytest.mark.grade("relu", points=1)
def test_relu_integer_input_gives_floats(student):
    """relu of an integer array is a float array: max(0, x)."""
    x = np.array([[-2, 0, 3], [5, -7, 1]])
    with inputs_unchanged(x, names=["x"]):
        out = student.relu(x)
    assert_close(out, np.array([[0.0, 0.0, 3.0], [5.0, 0.0, 1.0]]), name="relu(x)")


@pytest.mark.grade("relu_grad", points=1)
def test_relu_grad_is_zero_at_zero(student):
    """relu_grad is 1 where x > 0 and 0 where x <= 0, so 0 at the kink x = 0."""
    x = np.array([-1.5, 0.0, 1e-9, 2.0])
    assert_close(student.relu_grad(x), np.array([0.0, 0.0, 1.0, 1.0]), name="relu_grad(x)")


@pytest.mark.grade("leaky_relu", points=1)
def test_leaky_relu_values(student):
    """leaky_relu is alpha * x for x < 0 (000 eq 5-8), with the default and another alpha."""
    x = np.array([-2.0, 0.0, 3.0])
    assert_close(student.leaky_relu(x), np.array([-0.02, 0.0, 3.0]), name="leaky_relu(x)")
    assert_close(student.leaky_relu(x, alpha=0.2), np.array([-0.4, 0.0, 3.0]), name="leaky_relu(x, alpha=0.2)")


@pytest.mark.grade("leaky_relu_grad", points=1)
def test_leaky_relu_grad_is_alpha_and_one_at_zero(student):
    """leaky_relu_grad is alpha (not alpha * x) for x < 0 and 1 for x >= 0."""
    x = np.array([-2.0, -0.5, 0.0, 4.0])
    assert_close(student.leaky_relu_grad(x), np.array([0.01, 0.01, 1.0, 1.0]), name="leaky_relu_grad(x)")


@pytest.mark.grade("elu", points=1)
def test_elu_values(student):
    """elu is alpha (e^x - 1) for x < 0 (000 eq 5-9): elu(-1) = -0.63212056."""
    assert_close(student.elu(np.array([-1.0, 0.0, 2.0])), np.array([-0.63212056, 0.0, 2.0]), atol=PRINTED,
                 name="elu(x)")
    assert_close(student.elu(np.array([-1.0, 0.0, 2.0]), alpha=2.0), np.array([-1.26424112, 0.0, 2.0]),
                 atol=PRINTED, name="elu(x, alpha=2)")


@pytest.mark.grade("elu_grad", points=1)
def test_elu_grad_uses_alpha_and_is_one_at_zero(student):
    """elu_grad is alpha e^x for x < 0 (2 e^-1 = 0.73575888 for alpha = 2) and 1 for x >= 0."""
    x = np.array([-1.0, 0.0, 3.0])
    assert_close(student.elu_grad(x, alpha=2.0), np.array([0.73575888, 1.0, 1.0]), atol=PRINTED,
                 name="elu_grad(x, alpha=2)")


GRADS = {  # derivative -> (function, keyword arguments)
    "sigmoid_grad": ("sigmoid", {}),
    "tanh_grad": ("tanh", {}),
    "relu_grad": ("relu", {}),
    "leaky_relu_grad": ("leaky_relu", {"alpha": 0.1}),
    "elu_grad": ("elu", {"alpha": 1.5}),
}


@pytest.mark.parametrize("grad", list(GRADS))
@pytest.mark.grade("{grad}", points=0.5)
def test_activation_grad_matches_central_differences(student, rng, grad):
    """The derivative matches central differences of your own activation (no kinks in the input)."""
    fn, kwargs = GRADS[grad]
    x = _away_from_zero(rng, (4, 5))
    with inputs_unchanged(x, names=["x"]):
        analytic = getattr(student, grad)(x, **kwargs)
    check_derivative(getattr(student, fn), analytic, x, kwargs=kwargs, label=grad)


# ---------------------------------------------------------------------------
# softmax
# ---------------------------------------------------------------------------

@pytest.mark.grade("softmax", points=1)
def test_softmax_textbook_values(student):
    """softmax([1, 2, 3]) = [0.09003057, 0.24472847, 0.66524096]."""
    x = np.array([1.0, 2.0, 3.0])
    assert_close(student.softmax(x), np.array([0.09003057, 0.24472847, 0.66524096]), atol=PRINTED,
                 name="softmax(x)")


@pytest.mark.grade("softmax", points=1)
def test_softmax_huge_logits_do_not_overflow(student):
    """softmax([1000, 1001, 1002]) equals softmax([0, 1, 2]): subtract the max first (003 section 2.4)."""
    x = np.array([1000.0, 1001.0, 1002.0])
    with inputs_unchanged(x, names=["x"]), np.errstate(**RAISE):
        out = student.softmax(x)
    assert_close(out, np.array([0.09003057, 0.24472847, 0.66524096]), atol=PRINTED, name="softmax(x)")


@pytest.mark.grade("softmax", points=1)
def test_softmax_rows_sum_to_one_and_axis(student):
    """softmax of a batch normalises each row (axis=-1); axis=0 normalises each column."""
    x = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    rows = np.array([[0.09003057, 0.24472847, 0.66524096], [1 / 3, 1 / 3, 1 / 3]])
    cols = np.array([[0.5, 0.73105858, 0.88079708], [0.5, 0.26894142, 0.11920292]])
    assert_close(student.softmax(x), rows, atol=PRINTED, name="softmax(x)")
    assert_close(student.softmax(x, axis=0), cols, atol=PRINTED, name="softmax(x, axis=0)")


@pytest.mark.grade("softmax_backward", points=1.5)
def test_softmax_backward_gradcheck_random_dout(student, rng):
    """softmax_backward matches central differences of your softmax with a random upstream gradient (N=4, K=5)."""
    x = rng.standard_normal((4, 5))
    s = student.softmax(x)
    dout = rng.standard_normal((4, 5))  # dout = ones would hide a diagonal-only Jacobian
    with inputs_unchanged(dout, s, names=["dout", "s"]):
        dx = student.softmax_backward(dout, s)
    check_gradient(student.softmax, (x,), {0: dx}, dout=dout, names={0: "dx"}, label="softmax_backward")


# ---------------------------------------------------------------------------
# losses: values
# ---------------------------------------------------------------------------

R = np.array([0.5, -0.5, 3.0])  # residuals y_pred - y_true of the worked examples below


@pytest.mark.grade("mse", points=1)
def test_mse_textbook_values(student):
    """mse with residuals [0.5, -0.5, 3]: mean 3.1666667, sum 9.5 (000 eq 5-10)."""
    y_true = np.array([1.0, 2.0, -1.0])
    y_pred = y_true + R
    with inputs_unchanged(y_pred, y_true, names=["y_pred", "y_true"]):
        assert_close(student.mse(y_pred, y_true), 19 / 6, name="mse(y_pred, y_true)")
        assert_close(student.mse(y_pred, y_true, reduction="sum"), 9.5, name="mse(..., reduction='sum')")


@pytest.mark.grade("sse", points=1)
def test_sse_textbook_value(student):
    """sse = 1/2 sum of squared errors for a 10-class output and its one-hot target: 0.0975."""
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    t = np.zeros(10)
    t[2] = 1.0
    assert_close(student.sse(y, t), 0.0975, name="sse(y, t)")


@pytest.mark.grade("l1", points=1)
def test_l1_values(student):
    """l1 with residuals [0.5, -0.5, 3]: mean 4/3, sum 4 (000 eq 5-11)."""
    y_true = np.array([1.0, 2.0, -1.0])
    assert_close(student.l1(y_true + R, y_true), 4 / 3, name="l1(y_pred, y_true)")
    assert_close(student.l1(y_true + R, y_true, reduction="sum"), 4.0, name="l1(..., reduction='sum')")


@pytest.mark.grade("smooth_l1", points=1)
def test_smooth_l1_values(student):
    """smooth_l1 is d^2/2 for |d| < 1 and |d| - 1/2 otherwise (000 eq 5-13)."""
    y_true = np.zeros(4)
    y_pred = np.array([0.5, -0.5, 3.0, -1.0])  # terms 0.125, 0.125, 2.5, 0.5
    assert_close(student.smooth_l1(y_pred, y_true, reduction="sum"), 3.25, name="smooth_l1(..., reduction='sum')")
    assert_close(student.smooth_l1(y_pred, y_true), 0.8125, name="smooth_l1(y_pred, y_true)")


@pytest.mark.grade("huber", points=1)
def test_huber_with_delta_2(student):
    """huber with delta = 2 at residual 3 is delta|d| - delta^2/2 = 4 (000 eq 5-14), not smooth L1's 2.5."""
    y_true = np.array([0.0, 0.0])
    y_pred = np.array([3.0, 1.0])  # terms 4.0 and 0.5
    assert_close(student.huber(y_pred, y_true, delta=2.0, reduction="sum"), 4.5,
                 name="huber(..., delta=2, reduction='sum')")
    assert_close(student.huber(y_pred, y_true, delta=2.0), 2.25, name="huber(..., delta=2)")


@pytest.mark.grade("kl_divergence", points=1)
def test_kl_divergence_textbook_values(student):
    """KL(P||Q) = sum p log(p/q): 0.51082562 for p=[.5,.5], q=[.9,.1]; 0.20077680 for 3 classes."""
    q, p = np.array([0.9, 0.1]), np.array([0.5, 0.5])
    assert_close(student.kl_divergence(q, p), 0.51082562, atol=PRINTED, name="kl_divergence(q_pred, p_true)")
    q, p = np.array([0.3, 0.3, 0.4]), np.array([0.1, 0.2, 0.7])
    assert_close(student.kl_divergence(q, p), 0.20077680, atol=PRINTED, name="kl_divergence(q_pred, p_true)")


@pytest.mark.grade("kl_divergence", points=0.5)
def test_kl_divergence_zero_probability_and_batch_mean(student):
    """0 log 0 counts as 0 (no nan), and "mean" averages over the rows of a batch."""
    q = np.array([[0.5, 0.5], [0.9, 0.1]])
    p = np.array([[0.0, 1.0], [0.5, 0.5]])  # row values ln 2 and 0.51082562
    with np.errstate(all="ignore"):  # only the values count here
        total = student.kl_divergence(q, p, reduction="sum")
        mean = student.kl_divergence(q, p)
    assert_close(total, np.log(2) + 0.5108256237659907, name="kl_divergence(..., reduction='sum')")
    assert_close(mean, (np.log(2) + 0.5108256237659907) / 2, name="kl_divergence(q_pred, p_true)")


@pytest.mark.grade("cross_entropy", points=1)
def test_cross_entropy_labels_and_onehot(student):
    """cross_entropy of softmax([1,2,3]) for class 2 is 0.40760596, with a label or a one-hot row."""
    probs = np.array([[0.09003057317038046, 0.24472847105479764, 0.6652409557748219]])
    assert_close(student.cross_entropy(probs, np.array([2])), 0.40760596, atol=PRINTED,
                 name="cross_entropy(probs, labels)")
    assert_close(student.cross_entropy(probs, np.array([[0.0, 0.0, 1.0]])), 0.40760596, atol=PRINTED,
                 name="cross_entropy(probs, one_hot)")
    assert_close(student.cross_entropy(probs[0], np.array([0.0, 0.0, 1.0])), 0.40760596, atol=PRINTED,
                 name="cross_entropy(probs of shape (K,), one_hot)")


@pytest.mark.grade("binary_cross_entropy", points=1)
def test_binary_cross_entropy_values(student):
    """BCE(p=0.9, y=1) = 0.10536052 and BCE(p=0.9, y=0) = 2.3025851 (002 eq 1.15); mean and sum."""
    p, y = np.array([0.9, 0.9]), np.array([1.0, 0.0])
    assert_close(student.binary_cross_entropy(p, y, reduction="sum"), 0.10536052 + 2.30258509, atol=PRINTED,
                 name="binary_cross_entropy(..., reduction='sum')")
    assert_close(student.binary_cross_entropy(p, y), (0.10536052 + 2.30258509) / 2, atol=PRINTED,
                 name="binary_cross_entropy(p, y)")


@pytest.mark.grade("softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_mean_and_sum(student):
    """Logits [[1,2,3],[1,1,1]] with labels [2, 0]: mean 0.75310913, sum 1.50621825 (000 eq 5-17)."""
    logits = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    labels = np.array([2, 0])
    with inputs_unchanged(logits, labels, names=["logits", "target"]):
        assert_close(student.softmax_cross_entropy(logits, labels), 0.75310913, atol=PRINTED,
                     name="softmax_cross_entropy(logits, labels)")
        assert_close(student.softmax_cross_entropy(logits, labels, reduction="sum"), 1.50621825, atol=PRINTED,
                     name="softmax_cross_entropy(..., reduction='sum')")


@pytest.mark.grade("softmax_cross_entropy", points=0.5)
def test_softmax_cross_entropy_huge_logits(student):
    """Logits [1000, 1001, 1002] give the same loss as [1, 2, 3] (log-sum-exp), with no overflow."""
    logits = np.array([[1000.0, 1001.0, 1002.0]])
    with np.errstate(**RAISE):
        out = student.softmax_cross_entropy(logits, np.array([2]))
    assert_close(out, 0.40760596, atol=PRINTED, name="softmax_cross_entropy(logits, labels)")


# ---------------------------------------------------------------------------
# losses: gradients against central differences of your own losses
# ---------------------------------------------------------------------------

def _regression_pair(rng, shape=(4, 3), avoid=None):
    """(y_pred, y_true) with residuals |d| in [0.05, 3] kept away from the kinks at `avoid`."""
    y_true = rng.standard_normal(shape)
    d = _away_from_zero(rng, shape, 0.05, 3.0)
    if avoid is not None:  # push residuals out of a band around a kink
        a = np.abs(d)
        d = np.where(np.abs(a - avoid) < 0.1, np.sign(d) * (avoid + 0.3), d)
    return y_true + d, y_true


def _onehot(labels, k):
    return np.eye(k)[labels]


def _distributions(rng, shape):
    """Random rows of positive probabilities summing to 1."""
    w = rng.uniform(0.1, 1.0, shape)
    return w / w.sum(axis=-1, keepdims=True)


def _loss_grad_case(name, rng):
    """(loss name, args, kwargs) with inputs away from kinks and clipping bounds."""
    if name in ("mse_grad", "sse_grad", "l1_grad"):
        return name[:-5], _regression_pair(rng), {}
    if name == "smooth_l1_grad":
        return "smooth_l1", _regression_pair(rng, avoid=1.0), {}
    if name == "huber_grad":
        return "huber", _regression_pair(rng, avoid=1.5), {"delta": 1.5}
    if name == "kl_divergence_grad":
        return "kl_divergence", (rng.uniform(0.1, 0.9, (4, 3)), _distributions(rng, (4, 3))), {}
    if name == "cross_entropy_grad":
        return "cross_entropy", (rng.uniform(0.1, 0.9, (4, 3)), _onehot(np.array([0, 2, 1, 2]), 3)), {}
    if name == "binary_cross_entropy_grad":
        return "binary_cross_entropy", (rng.uniform(0.1, 0.9, (4, 3)), rng.integers(0, 2, (4, 3)).astype(float)), {}
    if name == "softmax_cross_entropy_grad":
        return "softmax_cross_entropy", (2 * rng.standard_normal((4, 3)), _onehot(np.array([1, 0, 2, 2]), 3)), {}
    raise KeyError(name)


LOSS_GRADS = ["mse_grad", "sse_grad", "l1_grad", "smooth_l1_grad", "huber_grad", "kl_divergence_grad",
              "cross_entropy_grad", "binary_cross_entropy_grad", "softmax_cross_entropy_grad"]


@pytest.mark.parametrize("grad", LOSS_GRADS)
@pytest.mark.grade("{grad}", points=0.5)
def test_loss_grad_matches_central_differences(student, rng, grad):
    """The loss gradient (default reduction) matches central differences of your own loss."""
    loss, args, kwargs = _loss_grad_case(grad, rng)
    with inputs_unchanged(*args, names=["y_pred", "y_true"]):
        analytic = getattr(student, grad)(*args, **kwargs)
    check_gradient(getattr(student, loss), args, {0: analytic}, kwargs=kwargs, names={0: "dy_pred"}, label=grad)


@pytest.mark.grade("mse_grad", points=0.5)
def test_mse_grad_textbook_values(student):
    """mse_grad with residuals [0.5, -0.5, 3] is 2d/3 = [0.33333333, -0.33333333, 2]."""
    y_true = np.array([1.0, 2.0, -1.0])
    assert_close(student.mse_grad(y_true + R, y_true), np.array([1 / 3, -1 / 3, 2.0]), name="mse_grad(y_pred, y_true)")


# ---------------------------------------------------------------------------
# losses: shapes must match
# ---------------------------------------------------------------------------

LOSSES = ["mse", "sse", "l1", "smooth_l1", "huber", "kl_divergence", "cross_entropy", "binary_cross_entropy",
          "softmax_cross_entropy"]


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.grade("{loss}", points=0.5)
def test_loss_rejects_column_against_flat(student, loss):
    """A (N, 1) prediction against (N,) targets (or (N, 1) class labels) raises ValueError."""
    if loss in ("cross_entropy", "softmax_cross_entropy"):
        args = (np.full((3, 4), 0.25), np.array([[0], [3], [1]]))  # labels must have shape (3,)
    else:
        args = (np.full((3, 1), 0.4), np.array([0.5, 0.2, 0.9]))
    with pytest.raises(ValueError):
        getattr(student, loss)(*args)
