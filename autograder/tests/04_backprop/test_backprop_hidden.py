"""Hidden checks for assignment 04 (backprop.py)."""

import numpy as np
import pytest

from shared.checks import CheckFailure, as_real, assert_close, inputs_unchanged, load_params, rel_error
from shared.gradcheck import STEP_TOL, call_many, check_gradient, numerical_param_gradient

KEYS = ("W1", "b1", "W2", "b2")
HIDDEN = ["sigmoid", "relu", "tanh"]
OUTPUT = ["sigmoid", "softmax"]
COMBOS = [(h, o) for h in HIDDEN for o in OUTPUT]
STABLE = dict(over="raise", invalid="raise", divide="raise")

MAZUR_X = np.array([[0.05, 0.10]])
MAZUR_T = np.array([[0.01, 0.99]])
MAZUR_PARAMS = {
    "W1": np.array([[0.15, 0.25], [0.20, 0.30]]),
    "b1": np.array([0.35, 0.35]),
    "W2": np.array([[0.40, 0.50], [0.45, 0.55]]),
    "b2": np.array([0.60, 0.60]),
}
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


# -- helpers -------------------------------------------------------------------------

def _random_params(rng, D, H, O, scale=0.7):
    return {"W1": rng.standard_normal((D, H)) * scale, "b1": rng.standard_normal(H) * 0.3,
            "W2": rng.standard_normal((H, O)) * scale, "b2": rng.standard_normal(O) * 0.3}


def _problem(rng, hidden, output, N=5, D=4, H=6, O=3, labels=True):
    """Random inputs, targets and parameters; no hidden pre-activation near a ReLU kink."""
    while True:
        X = rng.standard_normal((N, D))
        params = _random_params(rng, D, H, O)
        if np.min(np.abs(X @ params["W1"] + params["b1"])) > 1e-3:
            break
    if output == "sigmoid":
        T = rng.uniform(0, 1, (N, O))
    elif labels:
        T = rng.integers(0, O, size=N)
    else:
        T = np.eye(O)[rng.integers(0, O, size=N)]
    return X, T, params


def _pair(student, ref, params, *args, **kwargs):
    net = student.ThreeLayerNet(*args, **kwargs)
    rnet = ref.ThreeLayerNet(*args, **kwargs)
    load_params(net, params)
    load_params(rnet, params)
    return net, rnet


def _loss_numeric(net, X, T, params, h=1e-5):
    """Central differences of net.loss(X, T), moving one parameter entry at a time."""
    return numerical_param_gradient(net, "loss", (X, T), params, KEYS, h=h)


def _grad_dict(got, label):
    if type(got) is not dict:
        raise CheckFailure(f"{label}: expected a dict with keys {KEYS}, got {type(got).__name__}")
    for key in KEYS:
        if key not in got:
            raise CheckFailure(f"{label}: the dict has no key {key!r}")
    return got


def _check_rel(got, expected, label, tol=STEP_TOL):
    _grad_dict(got, label)
    for key in KEYS:
        a = got[key]
        if type(a) is not np.ndarray or a.shape != expected[key].shape:
            raise CheckFailure(f"{label}[{key!r}]: expected an ndarray of shape {expected[key].shape}, got "
                               f"{type(a).__name__} {getattr(a, 'shape', '')}")
        err = rel_error(a, expected[key])
        if not err < tol:
            raise CheckFailure(f"{label}[{key!r}]: relative error {err:.2e} (must be below {tol:g})",
                               f"{label}[{key!r}]: relative error {err:.1e} (must be below {tol:g})")


# ---------------------------------------------------------------------------
# MulLayer / AddLayer
# ---------------------------------------------------------------------------

@pytest.mark.grade("MulLayer.forward", points=1)
def test_MulLayer_forward_arrays(student, rng):
    """MulLayer.forward multiplies arrays elementwise and leaves them unchanged."""
    x, y = rng.standard_normal((2, 3, 4))
    with inputs_unchanged(x, y, names=["x", "y"]):
        out = student.MulLayer().forward(x, y)
    assert_close(out, x * y, name="MulLayer.forward(x, y)")


@pytest.mark.grade("MulLayer.backward", points=1)
def test_MulLayer_backward_arrays_swaps_inputs(student, rng):
    """MulLayer.backward multiplies dout by the other input (arrays, random dout)."""
    x, y, dout = rng.standard_normal((3, 3, 4))
    layer = student.MulLayer()
    layer.forward(x, y)
    with inputs_unchanged(dout, names=["dout"]):
        dx, dy = layer.backward(dout)
    assert_close(dx, dout * y, name="dx")
    assert_close(dy, dout * x, name="dy")


@pytest.mark.grade("AddLayer.forward", points=1)
def test_AddLayer_forward_arrays(student, rng):
    """AddLayer.forward adds arrays elementwise and leaves them unchanged."""
    x, y = rng.standard_normal((2, 5, 2))
    with inputs_unchanged(x, y, names=["x", "y"]):
        out = student.AddLayer().forward(x, y)
    assert_close(out, x + y, name="AddLayer.forward(x, y)")


@pytest.mark.grade("AddLayer.backward", points=1)
def test_AddLayer_backward_apple_orange_graph(student):
    """The apple-and-orange shopping graph (MulLayer and AddLayer chained): the total and every gradient."""
    mul_apple, mul_orange, add, mul_tax = (student.MulLayer(), student.MulLayer(), student.AddLayer(),
                                           student.MulLayer())
    apple_price = mul_apple.forward(100, 2)
    orange_price = mul_orange.forward(150, 3)
    total = add.forward(apple_price, orange_price)
    price = mul_tax.forward(total, 1.1)
    assert_close(price, 715.0, atol=1e-9, kind="iuf", name="price")
    dtotal, dtax = mul_tax.backward(1)
    d_apple_price, d_orange_price = add.backward(dtotal)
    assert_close(d_apple_price, 1.1, atol=1e-9, name="d(apple price)")
    assert_close(d_orange_price, 1.1, atol=1e-9, name="d(orange price)")
    dapple, dapple_num = mul_apple.backward(d_apple_price)
    dorange, dorange_num = mul_orange.backward(d_orange_price)
    for got, exp, name in [(dapple, 2.2, "dapple"), (dapple_num, 110.0, "dapple_num"), (dorange, 3.3, "dorange"),
                           (dorange_num, 165.0, "dorange_num"), (dtax, 650.0, "dtax")]:
        assert_close(got, exp, atol=1e-9, kind="iuf", name=name)


# ---------------------------------------------------------------------------
# Layer functions
# ---------------------------------------------------------------------------

@pytest.mark.grade("affine_forward", points=2)
def test_affine_forward_matches_reference(student, ref, rng):
    """affine_forward on random float and integer inputs (N=6, D=4, M=3)."""
    x, W, b = rng.standard_normal((6, 4)), rng.standard_normal((4, 3)), rng.standard_normal(3)
    with inputs_unchanged(x, W, b, names=["x", "W", "b"]):
        out, _ = student.affine_forward(x, W, b)
    assert_close(out, ref.affine_forward(x, W, b)[0], name="affine_forward(x, W, b)[0]")
    xi = rng.integers(-3, 4, size=(6, 4))
    assert_close(student.affine_forward(xi, W, b)[0], ref.affine_forward(xi, W, b)[0],
                 name="affine_forward(x, W, b)[0] for integer x")


@pytest.mark.grade("affine_backward", points=2)
def test_affine_backward_matches_reference(student, ref, rng):
    """affine_backward returns (dx, dW, db) with the right shapes and values (N=7, D=3, M=5)."""
    x, W, b = rng.standard_normal((7, 3)), rng.standard_normal((3, 5)), rng.standard_normal(5)
    dout = rng.standard_normal((7, 5))
    _, cache = student.affine_forward(x, W, b)
    with inputs_unchanged(dout, names=["dout"]):
        dx, dW, db = student.affine_backward(dout, cache)
    rdx, rdW, rdb = ref.affine_backward(dout, ref.affine_forward(x, W, b)[1])
    assert_close(dx, rdx, name="dx")
    assert_close(dW, rdW, name="dW")
    assert_close(db, rdb, name="db")


@pytest.mark.grade("affine_backward", points=1)
def test_affine_backward_gradcheck_wide_layer(student, rng):
    """affine_backward matches central differences for a layer wider than its input (N=3, D=2, M=6)."""
    x, W, b = rng.standard_normal((3, 2)), rng.standard_normal((2, 6)), rng.standard_normal(6)
    dout = rng.standard_normal((3, 6))
    _, cache = student.affine_forward(x, W, b)
    dx, dW, db = student.affine_backward(dout, cache)
    check_gradient(student.affine_forward, (x, W, b), {0: dx, 1: dW, 2: db}, dout=dout, pick=0,
                   names={0: "dx", 1: "dW", 2: "db"}, label="affine_backward")


@pytest.mark.grade("sigmoid_forward", points=2)
def test_sigmoid_forward_stable_for_huge_inputs(student):
    """sigmoid_forward of very large positive and negative inputs without overflow warnings (also integer input)."""
    x = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    expected = np.array([0.0, 1.928749847963918e-22, 0.5, 1.0, 1.0])
    with np.errstate(**STABLE):
        out, _ = student.sigmoid_forward(x)
        outi, _ = student.sigmoid_forward(np.array([[-1000, 0, 1000]]))
    assert_close(out, expected, name="sigmoid_forward(x)[0]")
    assert_close(outi, np.array([[0.0, 0.5, 1.0]]), name="sigmoid_forward(integer x)[0]")


@pytest.mark.grade("sigmoid_forward", points=1)
def test_sigmoid_forward_matches_reference(student, ref, rng):
    """sigmoid_forward on a random 3-D array, input unchanged."""
    x = rng.standard_normal((2, 3, 4)) * 4
    with inputs_unchanged(x, names=["x"]):
        out, _ = student.sigmoid_forward(x)
    assert_close(out, ref.sigmoid_forward(x)[0], name="sigmoid_forward(x)[0]")


@pytest.mark.grade("sigmoid_backward", points=1)
def test_sigmoid_backward_matches_reference(student, ref, rng):
    """sigmoid_backward on a random 3-D array with random dout, dout unchanged."""
    x, dout = rng.standard_normal((2, 2, 3, 4)) * 3
    _, cache = student.sigmoid_forward(x)
    with inputs_unchanged(dout, names=["dout"]):
        dx = student.sigmoid_backward(dout, cache)
    assert_close(dx, ref.sigmoid_backward(dout, ref.sigmoid_forward(x)[1]), name="dx")


@pytest.mark.grade("relu_forward", points=1)
def test_relu_forward_matches_reference(student, ref, rng):
    """relu_forward on a random 3-D array with exact zeros, input unchanged."""
    x = rng.standard_normal((3, 2, 5))
    x[0, 0, :2] = 0.0
    with inputs_unchanged(x, names=["x"]):
        out, _ = student.relu_forward(x)
    assert_close(out, ref.relu_forward(x)[0], name="relu_forward(x)[0]")


@pytest.mark.grade("relu_backward", points=1)
def test_relu_backward_zero_gradient_at_kink(student, rng):
    """relu_backward passes no gradient where x <= 0, including x exactly 0."""
    x = np.array([[-1.5, 0.0, 2.0, 0.0], [3.0, -0.2, 0.0, 0.7], [0.0, 1.0, -4.0, 5.0]])
    dout = rng.standard_normal((3, 4)) + 3.0
    _, cache = student.relu_forward(x)
    dx = student.relu_backward(dout, cache)
    assert_close(dx, np.where(x > 0, dout, 0.0), name="dx")


@pytest.mark.grade("relu_backward", points=1)
def test_relu_backward_does_not_modify_dout(student, ref, rng):
    """relu_backward leaves dout unchanged (no in-place masking) and matches on random input."""
    x = rng.standard_normal((4, 6))
    dout = rng.standard_normal((4, 6))
    _, cache = student.relu_forward(x)
    with inputs_unchanged(dout, names=["dout"]):
        dx = student.relu_backward(dout, cache)
    assert_close(dx, ref.relu_backward(dout, ref.relu_forward(x)[1]), name="dx")


@pytest.mark.grade("tanh_forward", points=1)
def test_tanh_forward_stable_and_matches_reference(student, ref, rng):
    """tanh_forward on large and random inputs without warnings, input unchanged."""
    x = np.concatenate([np.array([-1000.0, -30.0, 30.0, 1000.0]), rng.standard_normal(6) * 2])
    with np.errstate(**STABLE), inputs_unchanged(x, names=["x"]):
        out, _ = student.tanh_forward(x)
    assert_close(out, ref.tanh_forward(x)[0], name="tanh_forward(x)[0]")


@pytest.mark.grade("tanh_backward", points=1)
def test_tanh_backward_matches_reference(student, ref, rng):
    """tanh_backward on a random array with random dout, dout unchanged."""
    x, dout = rng.standard_normal((2, 5, 3))
    _, cache = student.tanh_forward(x)
    with inputs_unchanged(dout, names=["dout"]):
        dx = student.tanh_backward(dout, cache)
    assert_close(dx, ref.tanh_backward(dout, ref.tanh_forward(x)[1]), name="dx")


# ---------------------------------------------------------------------------
# numerical_gradient
# ---------------------------------------------------------------------------

@pytest.mark.grade("numerical_gradient", points=2)
def test_numerical_gradient_non_separable_function(student, rng):
    """numerical_gradient of a non-separable f of a 2-D x is accurate and x is restored."""
    x = rng.standard_normal((3, 3))
    A = rng.standard_normal((9, 9))
    x0 = x.copy()

    def f():
        v = x.ravel()
        return float(np.sum(np.tanh(A @ v)) + np.sum(v) ** 2)

    grad = student.numerical_gradient(f, x)
    assert_close(x, x0, rtol=1e-12, atol=1e-14, name="x after numerical_gradient")
    v = x0.ravel()
    exact = (A.T @ (1 - np.tanh(A @ v) ** 2) + 2 * np.sum(v)).reshape(3, 3)
    if type(grad) is not np.ndarray or grad.shape != x.shape:
        raise CheckFailure(f"expected an ndarray of shape {x.shape}, got {type(grad).__name__}")
    err = rel_error(grad, exact)
    assert err < 1e-7, f"numerical_gradient is not accurate: relative error {err:.2e}"


@pytest.mark.grade("numerical_gradient", points=1)
def test_numerical_gradient_uses_the_step_h(student, rng):
    """numerical_gradient uses the given h: for sum(c x^3) central differences give 3 c x^2 + c h^2."""
    x = rng.standard_normal(5)
    c = rng.standard_normal(5)
    h = 0.1
    grad = student.numerical_gradient(lambda: float(np.sum(c * x ** 3)), x, h)
    assert_close(grad, 3 * c * x ** 2 + c * h ** 2, rtol=1e-9, atol=1e-12, name="numerical_gradient(f, x, h=0.1)")
    grad = student.numerical_gradient(lambda: float(np.sum(c * x ** 3)), x, h=0.05)
    assert_close(grad, 3 * c * x ** 2 + c * 0.05 ** 2, rtol=1e-9, atol=1e-12,
                 name="numerical_gradient(f, x, h=0.05)")


@pytest.mark.grade("numerical_gradient", points=1)
def test_numerical_gradient_numpy_scalar_f_and_3d_x(student, rng):
    """numerical_gradient of an f returning a numpy scalar, x of shape (2, 2, 3), x restored."""
    x = rng.standard_normal((2, 2, 3))
    w = rng.standard_normal((2, 2, 3))
    x0 = x.copy()
    grad = student.numerical_gradient(lambda: np.sum(w * np.sin(x)) * np.prod(np.cos(x[0, 0])), x)
    assert_close(x, x0, rtol=1e-12, atol=1e-14, name="x after numerical_gradient")

    def g(z):
        return np.sum(w * np.sin(z)) * np.prod(np.cos(z[0, 0]))

    exact = np.empty_like(x0)
    for i in range(x0.size):  # the test's own central differences, on copies
        zp, zm = x0.copy(), x0.copy()
        zp.flat[i] += 1e-5
        zm.flat[i] -= 1e-5
        exact.flat[i] = (g(zp) - g(zm)) / 2e-5
    assert_close(grad, exact, rtol=1e-6, atol=1e-9, name="numerical_gradient(f, x)")


# ---------------------------------------------------------------------------
# ThreeLayerNet: construction
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("init", ["xavier", "he", "normal"])
@pytest.mark.grade("ThreeLayerNet", points=2)
def test_ThreeLayerNet_init_matches_reference(student, ref, init):
    """Initial parameters for this init, for several sizes and seeds, exactly as the RNG order gives."""
    for (D, H, O), seed in [((3, 5, 2), 0), ((6, 4, 3), 1), ((2, 7, 1), 123)]:
        params = student.ThreeLayerNet(D, H, O, init=init, seed=seed).params
        rparams = ref.ThreeLayerNet(D, H, O, init=init, seed=seed).params
        _grad_dict(params, f"params ({init})")
        for key in KEYS:
            assert_close(params[key], rparams[key], name=f"params[{key!r}] ({init}, seed={seed})")


@pytest.mark.grade("ThreeLayerNet", points=1)
def test_ThreeLayerNet_rejects_unknown_options(student):
    """Unknown hidden_activation, output_activation or init names raise ValueError."""
    with pytest.raises(ValueError, match="activation"):
        student.ThreeLayerNet(2, 3, 1, hidden_activation="softplus")
    with pytest.raises(ValueError, match="activation"):
        student.ThreeLayerNet(2, 3, 1, output_activation="identity")
    with pytest.raises(ValueError, match="init"):
        student.ThreeLayerNet(2, 3, 1, init="uniform")


# ---------------------------------------------------------------------------
# ThreeLayerNet: forward, loss
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("hidden,output", COMBOS)
@pytest.mark.grade("ThreeLayerNet.forward", points=0.5)
def test_ThreeLayerNet_forward_matches_reference(student, ref, rng, hidden, output):
    """forward for this hidden/output activation pair on a random batch, X unchanged."""
    X, _, params = _problem(rng, hidden, output)
    net, rnet = _pair(student, ref, params, 4, 6, 3, hidden, output)
    with inputs_unchanged(X, names=["X"]):
        out = net.forward(X)
    assert_close(out, rnet.forward(X), name=f"forward(X) ({hidden}/{output})")


@pytest.mark.grade("ThreeLayerNet.forward", points=1)
def test_ThreeLayerNet_forward_stable_for_huge_inputs(student, ref, rng):
    """forward with saturating sigmoid layers and huge softmax logits, without warnings."""
    X = rng.standard_normal((4, 3)) * 1000
    params = _random_params(rng, 3, 5, 2, scale=1.0)
    params["W2"] = params["W2"] * 1000
    for output in OUTPUT:
        net, rnet = _pair(student, ref, params, 3, 5, 2, "sigmoid", output)
        with np.errstate(**STABLE):
            out = net.forward(X)
        assert_close(out, rnet.forward(X), name=f"forward(X) (sigmoid/{output}, huge inputs)")


@pytest.mark.parametrize("hidden,output", COMBOS)
@pytest.mark.grade("ThreeLayerNet.loss", points=0.5)
def test_ThreeLayerNet_loss_matches_reference(student, ref, rng, hidden, output):
    """loss with weight decay for this hidden/output activation pair, inputs unchanged."""
    X, T, params = _problem(rng, hidden, output)
    net, rnet = _pair(student, ref, params, 4, 6, 3, hidden, output, weight_decay=0.3)
    with inputs_unchanged(X, T, names=["X", "T"]):
        loss = net.loss(X, T)
    assert_close(loss, rnet.loss(X, T), name=f"loss(X, T) ({hidden}/{output})")


@pytest.mark.grade("ThreeLayerNet.loss", points=1)
def test_ThreeLayerNet_loss_softmax_labels_and_onehot_agree(student, ref, rng):
    """Softmax loss is the same for integer labels and one-hot targets, and averages over N."""
    X, labels, params = _problem(rng, "relu", "softmax", N=6)
    net, rnet = _pair(student, ref, params, 4, 6, 3, "relu", "softmax")
    onehot = np.eye(3)[labels]
    expected = rnet.loss(X, labels)
    assert_close(net.loss(X, labels), expected, name="loss(X, integer labels)")
    assert_close(net.loss(X, onehot), expected, name="loss(X, one-hot T)")


@pytest.mark.grade("ThreeLayerNet.loss", points=1)
def test_ThreeLayerNet_loss_stable_for_huge_logits(student):
    """Softmax loss from huge logits without overflow warnings (log-sum-exp), to full precision."""
    net = student.ThreeLayerNet(2, 2, 3, "tanh", "softmax")
    load_params(net, {"W1": np.array([[100.0, 0.0], [0.0, 100.0]]), "b1": np.zeros(2),
                      "W2": np.array([[500.0, 496.0, -500.0], [500.0, 500.0, 500.0]]), "b2": np.zeros(3)})
    X = np.array([[1.0, -1.0], [-1.0, 1.0], [1.0, 1.0]])   # hidden = X exactly; logits up to 1000
    labels = np.array([1, 2, 1])
    with np.errstate(**STABLE):
        loss = net.loss(X, labels)
    per_sample = 4.0 + np.log1p(np.exp(-4.0))
    assert_close(loss, (2 * per_sample + np.log1p(np.exp(-1000.0) + np.exp(-996.0))) / 3,
                 name="loss(X, labels) with huge logits")


@pytest.mark.grade("ThreeLayerNet.loss", points=1)
def test_ThreeLayerNet_loss_mazur_full_precision(student, ref):
    """Mazur's example loss to full precision (one sample, 1/2 sum of squares)."""
    net, rnet = _pair(student, ref, MAZUR_PARAMS, 2, 2, 2)
    assert_close(net.loss(MAZUR_X, MAZUR_T), rnet.loss(MAZUR_X, MAZUR_T), name="loss(X, T)")


# ---------------------------------------------------------------------------
# ThreeLayerNet: gradient, numerical_gradient
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("hidden,output", COMBOS)
@pytest.mark.grade("ThreeLayerNet.gradient", points=1)
def test_ThreeLayerNet_gradient_matches_reference(student, ref, rng, hidden, output):
    """gradient with weight decay for this activation pair equals backpropagation's, params unchanged."""
    X, T, params = _problem(rng, hidden, output, labels=(hidden != "sigmoid"))
    net, rnet = _pair(student, ref, params, 4, 6, 3, hidden, output, weight_decay=0.2)
    with inputs_unchanged(X, T, names=["X", "T"]):
        grads = _grad_dict(net.gradient(X, T), "gradient(X, T)")
    expected = rnet.gradient(X, T)
    for key in KEYS:
        assert_close(grads[key], expected[key], name=f"gradient(X, T)[{key!r}] ({hidden}/{output})")
    after = net.params
    for key in KEYS:
        assert_close(after[key], params[key], rtol=0, atol=0, name=f"params[{key!r}] after gradient")


@pytest.mark.parametrize("hidden,output", COMBOS)
@pytest.mark.grade("ThreeLayerNet.gradient", points=1)
def test_ThreeLayerNet_gradient_numerical_check_every_pair(student, rng, hidden, output):
    """gradient for this activation pair matches central differences of the student's own loss (N=4)."""
    X, T, params = _problem(rng, hidden, output, N=4, D=3, H=4, O=2, labels=(hidden == "sigmoid"))
    net = student.ThreeLayerNet(3, 4, 2, hidden, output, weight_decay=0.15)
    load_params(net, params)
    grads = net.gradient(X, T)
    _check_rel(grads, _loss_numeric(net, X, T, params), "gradient(X, T)")


@pytest.mark.grade("ThreeLayerNet.gradient", points=1)
def test_ThreeLayerNet_gradient_weight_decay_skips_biases(student, rng):
    """Weight decay adds lambda W to dW1 and dW2 and leaves db1, db2 alone."""
    X, T, params = _problem(rng, "tanh", "sigmoid")
    plain = student.ThreeLayerNet(4, 6, 3, "tanh", "sigmoid")
    decayed = student.ThreeLayerNet(4, 6, 3, "tanh", "sigmoid", weight_decay=3.14)
    load_params(plain, params)
    load_params(decayed, params)
    g0 = _grad_dict(plain.gradient(X, T), "gradient(X, T)")
    g1 = _grad_dict(decayed.gradient(X, T), "gradient(X, T)")
    for key in ("W1", "W2"):
        assert_close(g1[key] - g0[key], 3.14 * params[key], name=f"d{key}(lambda) - d{key}(0)")
    for key in ("b1", "b2"):
        assert_close(g1[key], g0[key], name=f"d{key} with weight decay")


@pytest.mark.parametrize("hidden,output", [("relu", "softmax"), ("sigmoid", "sigmoid")])
@pytest.mark.grade("ThreeLayerNet.numerical_gradient", points=1)
def test_ThreeLayerNet_numerical_gradient_matches_reference(student, ref, rng, hidden, output):
    """numerical_gradient agrees with backpropagation (weight decay on) and restores the parameters."""
    X, T, params = _problem(rng, hidden, output, N=4, D=3, H=4, O=2)
    net, rnet = _pair(student, ref, params, 3, 4, 2, hidden, output, weight_decay=0.25)
    with inputs_unchanged(X, T, names=["X", "T"]):
        grads = net.numerical_gradient(X, T)
    _check_rel(grads, rnet.gradient(X, T), "numerical_gradient(X, T)")
    after = net.params
    for key in KEYS:
        assert_close(after[key], params[key], rtol=1e-12, atol=1e-14, name=f"params[{key!r}] afterwards")


@pytest.mark.grade("ThreeLayerNet.numerical_gradient", points=2)
def test_ThreeLayerNet_numerical_gradient_one_hot_softmax(student, ref, rng):
    """numerical_gradient of a tanh/softmax net with one-hot targets matches the reference."""
    X, T, params = _problem(rng, "tanh", "softmax", N=3, D=2, H=3, O=4, labels=False)
    net, rnet = _pair(student, ref, params, 2, 3, 4, "tanh", "softmax")
    _check_rel(net.numerical_gradient(X, T), rnet.gradient(X, T), "numerical_gradient(X, T)")


# ---------------------------------------------------------------------------
# ThreeLayerNet: train_step, predict
# ---------------------------------------------------------------------------

@pytest.mark.grade("ThreeLayerNet.train_step", points=1)
def test_ThreeLayerNet_train_step_mazur_full_precision(student, ref):
    """One step on Mazur's example: every parameter (biases too) to full precision."""
    net, rnet = _pair(student, ref, MAZUR_PARAMS, 2, 2, 2)
    loss = net.train_step(MAZUR_X, MAZUR_T, 0.5)
    assert_close(loss, rnet.train_step(MAZUR_X, MAZUR_T, 0.5), name="train_step(X, T, lr)")
    after, rafter = net.params, rnet.params
    for key in KEYS:
        assert_close(after[key], rafter[key], name=f"params[{key!r}] after one step")


@pytest.mark.grade("ThreeLayerNet.train_step", points=2)
def test_ThreeLayerNet_train_step_matches_reference(student, ref, rng):
    """Three steps with weight decay (tanh/softmax): the loss before each step and the parameters after."""
    X, T, params = _problem(rng, "tanh", "softmax", N=6)
    net, rnet = _pair(student, ref, params, 4, 6, 3, "tanh", "softmax", weight_decay=0.05)
    for step in range(3):
        with inputs_unchanged(X, T, names=["X", "T"]):
            loss = net.train_step(X, T, 0.3)
        assert_close(loss, rnet.train_step(X, T, 0.3), name=f"train_step (step {step + 1}): returned loss")
    after, rafter = net.params, rnet.params
    for key in KEYS:
        assert_close(after[key], rafter[key], name=f"params[{key!r}] after three steps")


@pytest.mark.grade("ThreeLayerNet.train_step", points=2)
def test_ThreeLayerNet_train_step_learns_xor_sigmoid(student):
    """A small tanh/sigmoid network learns XOR to 100% accuracy with train_step from a fixed seed."""
    net = student.ThreeLayerNet(2, 4, 1, "tanh", "sigmoid", seed=3)
    T = XOR_Y.reshape(4, 1)
    # 150 steps in order on the same network; call_many sends them to the sandbox in one round trip.
    losses = [as_real(v) for v in call_many(net.train_step, [((XOR_X, T, 2.0), {})] * 150)]
    assert losses[-1] < 0.2 * losses[0], f"the loss should fall: first {losses[0]:.4f}, last {losses[-1]:.4f}"
    assert_close(net.predict(XOR_X), T, kind="biuf", name="predict(X) after training")


@pytest.mark.grade("ThreeLayerNet.train_step", points=1)
def test_ThreeLayerNet_train_step_learns_xor_softmax(student):
    """A small tanh/softmax network learns XOR from integer labels with train_step from a fixed seed."""
    net = student.ThreeLayerNet(2, 4, 2, "tanh", "softmax", seed=2)
    call_many(net.train_step, [((XOR_X, XOR_Y, 1.0), {})] * 60)
    assert_close(net.predict(XOR_X), XOR_Y, name="predict(X) after training")


@pytest.mark.grade("ThreeLayerNet.predict", points=1)
def test_ThreeLayerNet_predict_softmax_class_indices(student, ref, rng):
    """predict of a softmax net returns integer class indices of shape (N,)."""
    X, _, params = _problem(rng, "relu", "softmax", N=8)
    net, rnet = _pair(student, ref, params, 4, 6, 3, "relu", "softmax")
    assert_close(net.predict(X), rnet.predict(X), name="predict(X)")


@pytest.mark.grade("ThreeLayerNet.predict", points=1)
def test_ThreeLayerNet_predict_sigmoid_zero_one(student, ref, rng):
    """predict of a sigmoid net returns 0/1 of shape (N, n_output)."""
    X, _, params = _problem(rng, "tanh", "sigmoid", N=8)
    net, rnet = _pair(student, ref, params, 4, 6, 3, "tanh", "sigmoid")
    assert_close(net.predict(X), rnet.predict(X), kind="biuf", name="predict(X)")


@pytest.mark.grade("ThreeLayerNet.predict", points=1)
def test_ThreeLayerNet_predict_threshold_is_strict(student):
    """An output of exactly 0.5 predicts 0 (1 only where the output is > 0.5)."""
    net = student.ThreeLayerNet(3, 2, 2)
    load_params(net, {"W2": np.zeros((2, 2)), "b2": np.array([0.0, 1e-3])})
    X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 1.0], [0.0, 0.0, 0.0]])
    assert_close(net.predict(X), np.array([[0, 1], [0, 1], [0, 1]]), kind="biuf", name="predict(X)")
