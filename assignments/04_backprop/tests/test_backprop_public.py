"""Public checks for assignment 04 (backprop.py). Run them with `dlkit check 04`."""

import numpy as np
import pytest

from shared.checks import CheckFailure, as_real, assert_close, inputs_unchanged, load_params, rel_error
from shared.gradcheck import STEP_TOL, check_gradient, numerical_param_gradient

KEYS = ("W1", "b1", "W2", "b2")

# Mazur's 2-2-2 worked example ("A Step by Step Backpropagation Example"), in this
# assignment's row-vector convention: W1[i, j] is the weight from input i to hidden j.
MAZUR_X = np.array([[0.05, 0.10]])
MAZUR_T = np.array([[0.01, 0.99]])
MAZUR_PARAMS = {
    "W1": np.array([[0.15, 0.25], [0.20, 0.30]]),   # [[w1, w3], [w2, w4]]
    "b1": np.array([0.35, 0.35]),
    "W2": np.array([[0.40, 0.50], [0.45, 0.55]]),   # [[w5, w7], [w6, w8]]
    "b2": np.array([0.60, 0.60]),
}


def _mazur_net(student):
    net = student.ThreeLayerNet(2, 2, 2)
    load_params(net, MAZUR_PARAMS)
    return net


def _random_params(rng, D, H, O, scale=0.7):
    return {"W1": rng.standard_normal((D, H)) * scale, "b1": rng.standard_normal(H) * 0.3,
            "W2": rng.standard_normal((H, O)) * scale, "b2": rng.standard_normal(O) * 0.3}


def _loss_numeric(net, X, T, params, h=1e-5):
    """Central differences of net.loss(X, T), moving one parameter entry at a time."""
    return numerical_param_gradient(net, "loss", (X, T), params, KEYS, h=h)


def _check_grad_dict(got, expected, label, tol=STEP_TOL):
    if type(got) is not dict:
        raise CheckFailure(f"{label}: expected a dict with keys {KEYS}, got {type(got).__name__}")
    for key in KEYS:
        if key not in got:
            raise CheckFailure(f"{label}: the dict has no key {key!r}")
        a = got[key]
        if type(a) is not np.ndarray or a.shape != expected[key].shape:
            raise CheckFailure(f"{label}[{key!r}]: expected an ndarray of shape {expected[key].shape}, got "
                               f"{type(a).__name__} {getattr(a, 'shape', '')}")
        err = rel_error(a, expected[key])
        if not err < tol:
            raise CheckFailure(f"{label}[{key!r}] does not match central differences of loss: relative error "
                               f"{err:.2e} (must be below {tol:g})")


# ---------------------------------------------------------------------------
# MulLayer / AddLayer: 003 section 5's shopping example
# ---------------------------------------------------------------------------

@pytest.mark.grade("MulLayer.forward", points=1)
def test_MulLayer_forward_buy_apple(student):
    """Two apples at 100 each with 10% tax: 100 * 2 * 1.1 = 220."""
    mul_apple, mul_tax = student.MulLayer(), student.MulLayer()
    price = mul_apple.forward(100, 2)
    assert_close(price, 200.0, atol=1e-9, kind="iuf", name="MulLayer.forward(100, 2)")
    assert_close(mul_tax.forward(price, 1.1), 220.0, atol=1e-9, kind="iuf", name="MulLayer.forward(200, 1.1)")


@pytest.mark.grade("MulLayer.backward", points=2)
def test_MulLayer_backward_buy_apple(student):
    """Backward from the total price: dapple = 2.2, dnum = 110, dtax = 200."""
    mul_apple, mul_tax = student.MulLayer(), student.MulLayer()
    price = mul_apple.forward(100, 2)
    mul_tax.forward(price, 1.1)
    dprice, dtax = mul_tax.backward(1)
    assert_close(dprice, 1.1, atol=1e-9, name="dprice")
    assert_close(dtax, 200.0, atol=1e-9, kind="iuf", name="dtax")
    dapple, dnum = mul_apple.backward(dprice)
    assert_close(dapple, 2.2, atol=1e-9, name="dapple")
    assert_close(dnum, 110.0, atol=1e-9, kind="iuf", name="dnum")


@pytest.mark.grade("AddLayer.forward", points=1)
def test_AddLayer_forward_adds(student):
    """AddLayer.forward adds two prices, and two arrays elementwise."""
    add = student.AddLayer()
    assert_close(add.forward(200, 450), 650.0, kind="iuf", name="AddLayer.forward(200, 450)")
    x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    y = np.array([[0.5, -1.0], [2.0, 0.0], [-5.0, 1.0]])
    assert_close(student.AddLayer().forward(x, y), x + y, name="AddLayer.forward(x, y)")


@pytest.mark.grade("AddLayer.backward", points=1)
def test_AddLayer_backward_passes_gradient_through(student, rng):
    """AddLayer.backward gives dout unchanged to both inputs."""
    add = student.AddLayer()
    add.forward(200, 450)
    dx, dy = add.backward(1.1)
    assert_close(dx, 1.1, name="dx")
    assert_close(dy, 1.1, name="dy")
    x, y, dout = rng.standard_normal((3, 4, 3))
    add = student.AddLayer()
    add.forward(x, y)
    with inputs_unchanged(dout, names=["dout"]):
        dx, dy = add.backward(dout)
    assert_close(dx, dout, name="dx")
    assert_close(dy, dout, name="dy")


# ---------------------------------------------------------------------------
# Layer functions
# ---------------------------------------------------------------------------

@pytest.mark.grade("affine_forward", points=2)
def test_affine_forward_hand_computed(student):
    """affine_forward computes x @ W + b with a non-square W (N=3, D=2, M=4)."""
    x = np.array([[1.0, 2.0], [3.0, 4.0], [0.0, -1.0]])
    W = np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 0.0, -1.0]])
    b = np.array([0.1, 0.2, 0.3, 0.4])
    with inputs_unchanged(x, W, b, names=["x", "W", "b"]):
        out, _ = student.affine_forward(x, W, b)
    expected = np.array([[2.1, 2.2, -0.7, 0.4], [5.1, 4.2, -2.7, 2.4], [-0.4, -0.8, 0.3, 1.4]])
    assert_close(out, expected, name="affine_forward(x, W, b)[0]")


@pytest.mark.grade("affine_backward", points=2)
def test_affine_backward_gradcheck(student, rng):
    """affine_backward matches central differences for x, W and b (N=4, D=5, M=3)."""
    x, W, b = rng.standard_normal((4, 5)), rng.standard_normal((5, 3)), rng.standard_normal(3)
    dout = rng.standard_normal((4, 3))
    _, cache = student.affine_forward(x, W, b)
    with inputs_unchanged(dout, names=["dout"]):
        dx, dW, db = student.affine_backward(dout, cache)
    check_gradient(student.affine_forward, (x, W, b), {0: dx, 1: dW, 2: db}, dout=dout, pick=0,
                   names={0: "dx", 1: "dW", 2: "db"}, label="affine_backward")


@pytest.mark.grade("sigmoid_forward", points=1)
def test_sigmoid_forward_values(student):
    """sigmoid(0) = 0.5, sigmoid(2) = 0.88079708, sigmoid(-2) = 0.11920292."""
    out, _ = student.sigmoid_forward(np.array([0.0, 2.0, -2.0]))
    assert_close(out, np.array([0.5, 0.88079708, 0.11920292]), atol=1e-8, name="sigmoid_forward(x)[0]")


@pytest.mark.grade("sigmoid_backward", points=2)
def test_sigmoid_backward_gradcheck(student, rng):
    """sigmoid_backward matches central differences (random upstream gradient)."""
    x = rng.standard_normal((4, 5)) * 2
    dout = rng.standard_normal((4, 5))
    _, cache = student.sigmoid_forward(x)
    dx = student.sigmoid_backward(dout, cache)
    check_gradient(student.sigmoid_forward, (x,), {0: dx}, dout=dout, pick=0, names={0: "dx"},
                   label="sigmoid_backward")


@pytest.mark.grade("relu_forward", points=1)
def test_relu_forward_values(student):
    """relu_forward is max(0, x), float64 also for integer input."""
    x = np.array([[-2, 0, 3], [5, -1, 1]])
    out, _ = student.relu_forward(x)
    assert_close(out, np.array([[0.0, 0.0, 3.0], [5.0, 0.0, 1.0]]), name="relu_forward(x)[0]")


@pytest.mark.grade("relu_backward", points=2)
def test_relu_backward_gradcheck(student, rng):
    """relu_backward matches central differences (mixed-sign input and dout, no kinks)."""
    x = rng.standard_normal((5, 4))
    x[np.abs(x) < 0.01] = 0.5
    dout = rng.standard_normal((5, 4))
    _, cache = student.relu_forward(x)
    with inputs_unchanged(dout, names=["dout"]):
        dx = student.relu_backward(dout, cache)
    check_gradient(student.relu_forward, (x,), {0: dx}, dout=dout, pick=0, names={0: "dx"},
                   label="relu_backward")


@pytest.mark.grade("tanh_forward", points=1)
def test_tanh_forward_values(student):
    """tanh(0.5) = 0.46211716, tanh(-1) = -0.76159416, tanh(0) = 0."""
    out, _ = student.tanh_forward(np.array([0.5, -1.0, 0.0]))
    assert_close(out, np.array([0.46211716, -0.76159416, 0.0]), atol=1e-8, name="tanh_forward(x)[0]")


@pytest.mark.grade("tanh_backward", points=2)
def test_tanh_backward_gradcheck(student, rng):
    """tanh_backward matches central differences (random upstream gradient)."""
    x = rng.standard_normal((3, 6))
    dout = rng.standard_normal((3, 6))
    _, cache = student.tanh_forward(x)
    dx = student.tanh_backward(dout, cache)
    check_gradient(student.tanh_forward, (x,), {0: dx}, dout=dout, pick=0, names={0: "dx"},
                   label="tanh_backward")


# ---------------------------------------------------------------------------
# numerical_gradient
# ---------------------------------------------------------------------------

@pytest.mark.grade("numerical_gradient", points=3)
def test_numerical_gradient_cubic_accurate_and_restores_x(student, rng):
    """numerical_gradient of sum(c * x**3) is 3 c x**2 (central differences) and x is restored."""
    x = rng.standard_normal((3, 4))
    c = rng.standard_normal((3, 4))
    x0 = x.copy()
    grad = student.numerical_gradient(lambda: float(np.sum(c * x ** 3)), x)
    assert_close(x, x0, rtol=1e-12, atol=1e-14, name="x after numerical_gradient (restore every entry)")
    if type(grad) is not np.ndarray or grad.shape != x.shape:
        raise CheckFailure(f"expected an ndarray of shape {x.shape}, got {type(grad).__name__} "
                           f"{getattr(grad, 'shape', '')}")
    err = rel_error(grad, 3 * c * x0 ** 2)
    assert err < 1e-7, (f"numerical_gradient is not accurate enough: relative error {err:.2e} against "
                        f"3 c x**2 (central differences with h=1e-5 give about 1e-10)")


# ---------------------------------------------------------------------------
# ThreeLayerNet
# ---------------------------------------------------------------------------

@pytest.mark.grade("ThreeLayerNet", points=2)
def test_ThreeLayerNet_init_xavier_draws_W1_then_W2(student):
    """Xavier init: W1 then W2 from default_rng(seed) times sqrt(1/fan_in); zero biases."""
    net = student.ThreeLayerNet(4, 5, 3, seed=7)
    rng = np.random.default_rng(7)
    W1 = rng.standard_normal((4, 5)) * np.sqrt(1 / 4)
    W2 = rng.standard_normal((5, 3)) * np.sqrt(1 / 5)
    params = net.params
    assert_close(params["W1"], W1, name="params['W1']")
    assert_close(params["b1"], np.zeros(5), name="params['b1']")
    assert_close(params["W2"], W2, name="params['W2']")
    assert_close(params["b2"], np.zeros(3), name="params['b2']")


@pytest.mark.grade("ThreeLayerNet.forward", points=2)
def test_ThreeLayerNet_forward_mazur(student):
    """Mazur's 2-2-2 example: outputs 0.75136507 and 0.772928465."""
    net = _mazur_net(student)
    with inputs_unchanged(MAZUR_X, names=["X"]):
        out = net.forward(MAZUR_X)
    assert_close(out, np.array([[0.75136507, 0.772928465]]), atol=1e-8, name="net.forward(X)")


@pytest.mark.grade("ThreeLayerNet.loss", points=1)
def test_ThreeLayerNet_loss_mazur(student):
    """Mazur's example: E = 1/2 sum (o - t)^2 = 0.298371109 for the one sample."""
    net = _mazur_net(student)
    assert_close(net.loss(MAZUR_X, MAZUR_T), 0.298371109, atol=1e-9, name="net.loss(X, T)")


@pytest.mark.grade("ThreeLayerNet.loss", points=1)
def test_ThreeLayerNet_loss_weight_decay_skips_biases(student, rng):
    """Weight decay adds 1/2 lambda (||W1||^2 + ||W2||^2) and nothing for the biases."""
    X, T = rng.standard_normal((5, 3)), rng.uniform(0, 1, (5, 2))
    params = _random_params(rng, 3, 4, 2)
    plain = student.ThreeLayerNet(3, 4, 2)
    decayed = student.ThreeLayerNet(3, 4, 2, weight_decay=0.7)
    load_params(plain, params)
    load_params(decayed, params)
    expected = 0.5 * 0.7 * (np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))
    diff = as_real(decayed.loss(X, T)) - as_real(plain.loss(X, T))
    assert_close(diff, expected, name="loss(weight_decay=0.7) - loss(weight_decay=0)")


@pytest.mark.grade("ThreeLayerNet.gradient", points=1)
def test_ThreeLayerNet_gradient_mazur(student):
    """Mazur's example: dE/dw5 = 0.082167041 and dE/dw1 = 0.000438568."""
    grads = _mazur_net(student).gradient(MAZUR_X, MAZUR_T)
    assert_close(grads["W2"][0, 0], 0.082167041, atol=1e-9, name="gradient(X, T)['W2'][0, 0]")
    assert_close(grads["W1"][0, 0], 0.000438568, atol=1e-9, name="gradient(X, T)['W1'][0, 0]")


@pytest.mark.grade("ThreeLayerNet.gradient", points=2)
def test_ThreeLayerNet_gradient_matches_numerical(student, rng):
    """gradient matches central differences of loss (tanh hidden, softmax output, weight decay, N=5)."""
    N, D, H, O = 5, 4, 6, 3
    X = rng.standard_normal((N, D))
    T = rng.integers(0, O, size=N)
    net = student.ThreeLayerNet(D, H, O, "tanh", "softmax", weight_decay=0.1)
    params = _random_params(rng, D, H, O)
    load_params(net, params)
    with inputs_unchanged(X, T, names=["X", "T"]):
        grads = net.gradient(X, T)
    _check_grad_dict(grads, _loss_numeric(net, X, T, params), "gradient(X, T)")


@pytest.mark.grade("ThreeLayerNet.numerical_gradient", points=2)
def test_ThreeLayerNet_numerical_gradient_matches_and_restores(student, rng):
    """numerical_gradient equals central differences of loss and leaves the parameters as they were."""
    N, D, H, O = 4, 3, 5, 2
    X, T = rng.standard_normal((N, D)), rng.uniform(0, 1, (N, O))
    net = student.ThreeLayerNet(D, H, O, "sigmoid", "sigmoid", weight_decay=0.05)
    params = _random_params(rng, D, H, O)
    load_params(net, params)
    grads = net.numerical_gradient(X, T)
    after = net.params
    for key in KEYS:
        assert_close(after[key], params[key], rtol=1e-12, atol=1e-14,
                     name=f"params[{key!r}] after numerical_gradient (restore every entry)")
    _check_grad_dict(grads, _loss_numeric(net, X, T, params), "numerical_gradient(X, T)")


@pytest.mark.grade("ThreeLayerNet.train_step", points=2)
def test_ThreeLayerNet_train_step_mazur(student):
    """One step with lr=0.5 on Mazur's example: the loss before, then W1 and W2 as published."""
    net = _mazur_net(student)
    loss = net.train_step(MAZUR_X, MAZUR_T, 0.5)
    assert_close(loss, 0.298371109, atol=1e-9, name="train_step(X, T, lr) (the loss before the step)")
    params = net.params
    assert_close(params["W2"], np.array([[0.35891648, 0.511301270], [0.408666186, 0.561370121]]),
                 atol=1e-6, name="params['W2'] after one step")
    assert_close(params["W1"], np.array([[0.149780716, 0.24975114], [0.19956143, 0.29950229]]),
                 atol=1e-6, name="params['W1'] after one step")


@pytest.mark.grade("ThreeLayerNet.predict", points=1)
def test_ThreeLayerNet_predict_xor_weights(student):
    """predict with hand-made XOR weights gives 0, 1, 1, 0 (sigmoid output > 0.5)."""
    net = student.ThreeLayerNet(2, 2, 1)
    load_params(net, {"W1": np.array([[20.0, -20.0], [20.0, -20.0]]), "b1": np.array([-10.0, 30.0]),
                      "W2": np.array([[20.0], [20.0]]), "b2": np.array([-30.0])})
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    assert_close(net.predict(X), np.array([[0], [1], [1], [0]]), kind="biuf", name="net.predict(X)")
