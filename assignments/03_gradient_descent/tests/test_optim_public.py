"""Public checks for assignment 03 (optim.py). Run them with `dlkit check 03`.

Every expected value here can be worked out by hand from the update rules in the
docstrings of optim.py; the comments show how.
"""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged

# The 2x2 quadratic f(x) = 1/2 x^T A x - b^T x used by 000's Algorithms 2 and 3:
# grad f(x) = A x - b, Hessian A, minimum at A^{-1} b = [1/11, 7/11].
A2 = np.array([[4, 1], [1, 3]])
B2 = np.array([1, 2])
X0 = np.array([2, 1])


def _quad_grad(x):
    return A2 @ x - B2


def _quad_hess(x):
    return A2.astype(float)


# ---------------------------------------------------------------------------
# gradient_descent
# ---------------------------------------------------------------------------

@pytest.mark.grade("gradient_descent", points=2)
def test_gradient_descent_textbook_parabola(student):
    """gradient_descent on f(x) = x^2 + 2x + 1 (000 section 5.2.4): trajectory in closed form."""
    # df(x) = 2x + 2, so x_{i+1} = x_i - 0.1 (2 x_i + 2) = 0.8 x_i - 0.2, i.e.
    # x_i = (x_0 + 1) 0.8^i - 1. Two independent coordinates at once.
    x0 = np.array([1.0, -3.0])
    with inputs_unchanged(x0, names=["x0"]):
        traj = student.gradient_descent(lambda x: 2 * x + 2, x0, 0.1, 5)
    i = np.arange(6)[:, None]
    expected = (x0 + 1) * 0.8 ** i - 1  # first rows: [1, -3], [0.6, -2.6], [0.28, -2.28]
    assert_close(traj, expected, name="gradient_descent trajectory")


@pytest.mark.grade("gradient_descent", points=2)
def test_gradient_descent_shape_and_integer_start(student):
    """gradient_descent returns (num_iters + 1, *x0.shape) floats with x0 first, also for integer x0."""
    with inputs_unchanged(X0, names=["x0"]):
        traj = student.gradient_descent(_quad_grad, X0, 0.1, 3)
    # x1 = [2, 1] - 0.1 * [8, 3] = [1.2, 0.7]; g(x1) = [4.5, 1.3] -> x2 = [0.75, 0.57];
    # g(x2) = [2.57, 0.46] -> x3 = [0.493, 0.524]
    expected = np.array([[2.0, 1.0], [1.2, 0.7], [0.75, 0.57], [0.493, 0.524]])
    assert_close(traj, expected, name="gradient_descent trajectory")


# ---------------------------------------------------------------------------
# steepest_descent
# ---------------------------------------------------------------------------

@pytest.mark.grade("steepest_descent", points=3)
def test_steepest_descent_first_step_textbook(student):
    """steepest_descent's exact line search on the 2x2 quadratic: alpha0 and x1."""
    # g0 = A x0 - b = [8, 3]; alpha0 = g0.g0 / g0.A.g0 = 73 / 331 = 0.220544
    # x1 = x0 - alpha0 g0 = [0.2356496, 0.3383686]
    with inputs_unchanged(X0, names=["x0"]):
        traj = student.steepest_descent(_quad_grad, _quad_hess, X0, 1)
    assert_close(traj, np.array([[2.0, 1.0], [0.2356496, 0.3383686]]), atol=1e-7, name="steepest_descent trajectory")
    alpha0 = (traj[0] - traj[1]) / np.array([8.0, 3.0])
    assert_close(alpha0, np.array([0.220544, 0.220544]), atol=1e-6, name="alpha0 = (x0 - x1) / g0")


@pytest.mark.grade("steepest_descent", points=1)
def test_steepest_descent_stops_when_gradient_vanishes(student):
    """steepest_descent stops as soon as the gradient norm is below tol (trajectory gets shorter)."""
    # f(x) = |x|^2 - [2, 4].x: H = 2I, so one exact line search lands on [1, 2], where g = 0.
    b = np.array([2.0, 4.0])
    traj = student.steepest_descent(lambda x: 2 * x - b, lambda x: 2 * np.eye(2), np.array([5.0, -3.0]), 10)
    assert_close(traj, np.array([[5.0, -3.0], [1.0, 2.0]]), name="steepest_descent trajectory")


# ---------------------------------------------------------------------------
# conjugate_gradient
# ---------------------------------------------------------------------------

@pytest.mark.grade("conjugate_gradient", points=3)
def test_conjugate_gradient_textbook_2x2(student):
    """conjugate_gradient on the 2x2 example reaches [1/11, 7/11] in two steps."""
    # The first CG step is the steepest-descent step; the second lands on the solution.
    with inputs_unchanged(A2, B2, X0, names=["A", "b", "x0"]):
        x, traj = student.conjugate_gradient(A2, B2, X0)
    assert_close(traj[:2], np.array([[2.0, 1.0], [0.2356496, 0.3383686]]), atol=1e-7, name="trajectory[:2]")
    assert_close(x, np.array([1 / 11, 7 / 11]), atol=1e-10, name="x")
    assert_close(traj, np.array([[2.0, 1.0], [0.2356496, 0.3383686], [1 / 11, 7 / 11]]), atol=1e-7,
                 name="trajectory (x0, x1, x2)")


@pytest.mark.grade("conjugate_gradient", points=2)
def test_conjugate_gradient_rejects_bad_matrices(student):
    """conjugate_gradient raises ValueError for a non-square or a non-symmetric A."""
    with pytest.raises(ValueError):
        student.conjugate_gradient(np.ones((2, 3)), np.ones(2))
    with pytest.raises(ValueError):
        student.conjugate_gradient(np.array([[4.0, 1.0], [0.0, 3.0]]), np.array([1.0, 2.0]))


# ---------------------------------------------------------------------------
# fit_linear_regression
# ---------------------------------------------------------------------------

def _losses(losses, epochs):
    assert isinstance(losses, (list, tuple, np.ndarray)), f"losses must be a list, got {type(losses).__name__}"
    assert len(losses) == epochs, f"expected one loss per epoch ({epochs}), got {len(losses)}"
    return np.array([float(v) for v in losses])


@pytest.mark.grade("fit_linear_regression", points=2)
def test_fit_linear_regression_batch_one_epoch_by_hand(student):
    """fit_linear_regression, method="batch": one full-data step, then the MSE after it."""
    # y_hat = 0, so dw = 2/3 * (1*-2 + 2*-4 + 3*-6) = -56/3 and db = 2/3 * (-12) = -8;
    # w = 0.1 * 56/3 = 1.8666667, b = 0.8; residuals 0.8 - 0.1333 x -> MSE 0.2962963.
    X = np.array([[1], [2], [3]])
    y = np.array([2, 4, 6])
    with inputs_unchanged(X, y, names=["X", "y"]):
        w, b, losses = student.fit_linear_regression(X, y, method="batch", lr=0.1, epochs=1)
    assert_close(w, np.array([28 / 15]), name="w")
    assert_close(b, 0.8, name="b")
    assert_close(_losses(losses, 1), np.array([8 / 27]), name="losses")


@pytest.mark.grade("fit_linear_regression", points=2)
def test_fit_linear_regression_minibatch_recovers_a_line(student):
    """fit_linear_regression, method="minibatch" (N not a multiple of batch_size) fits exact linear data."""
    X = np.array([[0.0, 1.0], [0.5, -1.0], [1.0, 0.0], [-0.5, 0.5], [-1.0, -0.5],
                  [0.25, 0.75], [0.75, -0.25], [-0.75, 0.25], [0.1, 0.9], [-0.3, -0.8]])
    y = X @ np.array([2.0, -1.0]) + 0.5
    w, b, losses = student.fit_linear_regression(X, y, method="minibatch", lr=0.1, epochs=300,
                                                 batch_size=3, seed=1)
    losses = _losses(losses, 300)
    assert_close(w, np.array([2.0, -1.0]), atol=1e-6, name="w after 300 epochs")
    assert_close(b, 0.5, atol=1e-6, name="b after 300 epochs")
    assert losses[-1] < 1e-12 and losses[-1] < losses[0], "the full-data MSE must fall to ~0"


@pytest.mark.grade("fit_linear_regression", points=2)
def test_fit_linear_regression_minibatch_rng_order(student):
    """fit_linear_regression, method="minibatch": one rng, one permutation per epoch, X and y together."""
    # rng = np.random.default_rng(7) gives perm [2, 0, 4, 1, 3] in epoch 1 and [0, 1, 4, 3, 2]
    # in epoch 2; with batch_size 2 the batches are rows {2, 0}, {4, 1}, {3}, then {0, 1}, {4, 3}, {2}.
    # y is the row index, like X[:, 0]: shuffling X and y differently breaks the pairs.
    X = np.array([[0, 1], [1, 0], [2, 1], [3, 0], [4, 1]])
    y = np.arange(5)
    w, b, losses = student.fit_linear_regression(X, y, method="minibatch", lr=0.05, epochs=1,
                                                 batch_size=2, seed=7)
    assert_close(w, np.array([0.898, 0.25]), name="w after epoch 1")
    assert_close(b, 0.306, name="b after epoch 1")
    assert_close(_losses(losses, 1), np.array([0.099312]), name="losses after epoch 1")
    w, b, losses = student.fit_linear_regression(X, y, method="minibatch", lr=0.05, epochs=2,
                                                 batch_size=2, seed=7)
    assert_close(w, np.array([0.835988, 0.193219]), name="w after epoch 2")
    assert_close(b, 0.242449, name="b after epoch 2")


@pytest.mark.grade("fit_linear_regression", points=1)
def test_fit_linear_regression_unknown_method(student):
    """fit_linear_regression raises ValueError for an unknown method name."""
    with pytest.raises(ValueError, match="method"):
        student.fit_linear_regression(np.ones((4, 2)), np.ones(4), method="newton")


# ---------------------------------------------------------------------------
# the optimizers: update(params, grads) changes params in place
# ---------------------------------------------------------------------------

@pytest.mark.grade("SGD.update", points=2)
def test_sgd_update_two_keys(student):
    """SGD.update: W <- W - lr * g for every key, in place, grads untouched."""
    params = {"W": np.array([[1.0, 2.0], [3.0, 4.0]]), "b": np.array([0.5, -0.5])}
    grads = {"W": np.array([[10.0, 0.0], [-10.0, 5.0]]), "b": np.array([1.0, 2.0])}
    opt = student.SGD(lr=0.1)
    with inputs_unchanged(grads, names=["grads"]):
        opt.update(params, grads)
    assert_close(params["W"], np.array([[0.0, 2.0], [4.0, 3.5]]), name='params["W"]')
    assert_close(params["b"], np.array([0.4, -0.7]), name='params["b"]')


@pytest.mark.grade("Momentum.update", points=3)
def test_momentum_update_constant_gradient(student):
    """Momentum.update with g = 1, lr = 0.1, momentum = 0.9 from 0: w = -0.1, -0.29, -0.561."""
    # v1 = -0.1, v2 = 0.9 * -0.1 - 0.1 = -0.19, v3 = -0.271: w = -0.1, -0.29, -0.561.
    # The second key (gradient -2) moves the other way, twice as fast.
    opt = student.Momentum(lr=0.1, momentum=0.9)
    params = {"w": np.zeros(3), "u": np.zeros((2, 1))}
    grads = {"w": np.ones(3), "u": np.full((2, 1), -2.0)}
    for expected in (-0.1, -0.29, -0.561):
        opt.update(params, grads)
        assert_close(params["w"], np.full(3, expected), name='params["w"]')
        assert_close(params["u"], np.full((2, 1), -2 * expected), name='params["u"]')


@pytest.mark.grade("AdaGrad.update", points=3)
def test_adagrad_update_shrinking_steps(student):
    """AdaGrad.update with g = 1, lr = 0.1: the steps shrink as 0.1 / sqrt(t)."""
    # h_t = t, so step t is 0.1 / (sqrt(t) + 1e-7): 0.1, 0.0707107, 0.0577350, 0.05.
    opt = student.AdaGrad(lr=0.1)
    params = {"w": np.zeros(2)}
    previous = 0.0
    for t, step in enumerate([0.1, 0.0707107, 0.0577350, 0.05], start=1):
        opt.update(params, {"w": np.ones(2)})
        assert_close(previous - params["w"], np.full(2, step), atol=1e-6, name=f"step {t}")
        previous = params["w"].copy()


@pytest.mark.grade("RMSProp.update", points=3)
def test_rmsprop_update_constant_gradient(student):
    """RMSProp.update with g = 1, lr = 0.01, decay_rate = 0.99: h_t = 1 - 0.99^t."""
    # h1 = 0.01 -> step 0.01 / (0.1 + 1e-7) = 0.0999999;
    # h2 = 0.0199 -> step 0.01 / 0.1410674 = 0.0708881; h3 = 0.029701 -> step 0.0580249.
    opt = student.RMSProp(lr=0.01, decay_rate=0.99)
    params = {"w": np.zeros(1)}
    for expected in (-0.0999999, -0.17088797, -0.22891285):
        opt.update(params, {"w": np.ones(1)})
        assert_close(params["w"], np.array([expected]), atol=1e-8, name='params["w"]')


@pytest.mark.grade("Adam.update", points=2)
def test_adam_update_first_step_is_lr_sign(student):
    """Adam.update's bias-corrected first step is about lr * sign(g), whatever the size of g."""
    opt = student.Adam(lr=0.01)
    params = {"W": np.ones((2, 2))}
    grads = {"W": np.array([[3.0, -0.5], [200.0, -7.0]])}
    opt.update(params, grads)
    assert_close(params["W"], np.array([[0.99, 1.01], [0.99, 1.01]]), name='params["W"]')


@pytest.mark.grade("Adam.update", points=2)
def test_adam_update_keeps_moments_between_calls(student):
    """Adam.update keeps m and v between calls: g = +1 then -1 moves w back by lr / 19."""
    # t=1: m = 0.1, v = 0.001, m_hat = 1, v_hat = 1 -> w = -0.01
    # t=2: m = 0.09 - 0.1 = -0.01, v = 0.000999 + 0.001 = 0.001999;
    #      m_hat = -0.01 / 0.19 = -1/19, v_hat = 1 -> w = -0.01 + 0.01/19
    opt = student.Adam(lr=0.01)
    params = {"w": np.zeros(1)}
    opt.update(params, {"w": np.array([1.0])})
    assert_close(params["w"], np.array([-0.01]), name='params["w"] after call 1')
    opt.update(params, {"w": np.array([-1.0])})
    assert_close(params["w"], np.array([-0.01 + 0.01 / 19]), name='params["w"] after call 2')
