"""Hidden checks for assignment 03 (optim.py)."""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged


def _spd(rng, n, cond):
    """A random symmetric positive definite n x n matrix with eigenvalues spread over [1, cond].

    Eigenvalues are drawn uniformly (ends included): with some spectra (e.g. most eigenvalues
    bunched near 1) floating-point CG needs more than n steps, whatever the implementation.
    """
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    eig = np.concatenate([[1.0, cond], rng.uniform(1.0, cond, n - 2)])
    A = (q * eig) @ q.T
    return (A + A.T) / 2


def _copy(d):
    return {k: v.copy() for k, v in d.items()}


def _as_loss_array(losses, epochs):
    assert isinstance(losses, (list, tuple, np.ndarray)), "losses must be a list of floats"
    assert len(losses) == epochs, "losses must hold one value per epoch"
    return np.array([float(v) for v in losses])


def _compare_optimizer(student_opt, ref_opt, params, grad_seq, label):
    """Run both optimizers on copies of params with the same gradients; compare after every call."""
    p_student, p_ref = _copy(params), _copy(params)
    for call, grads in enumerate(grad_seq, start=1):
        with inputs_unchanged(grads, names=["grads"]):
            student_opt.update(p_student, grads)
        ref_opt.update(p_ref, _copy(grads))
        for k in params:
            assert_close(p_student[k], p_ref[k], name=f'{label}: params["{k}"] after call {call}')


# ---------------------------------------------------------------------------
# gradient_descent
# ---------------------------------------------------------------------------

@pytest.mark.grade("gradient_descent", points=3)
def test_gradient_descent_matches_reference_on_random_quadratic(student, ref, rng):
    """gradient_descent on a random 3-D quadratic: the whole trajectory."""
    A = _spd(rng, 3, 10.0)
    b = rng.standard_normal(3)
    x0 = rng.standard_normal(3)

    def grad(x):
        return A @ x - b

    with inputs_unchanged(x0, names=["x0"]):
        traj = student.gradient_descent(grad, x0, 0.05, 25)
    assert_close(traj, ref.gradient_descent(grad, x0, 0.05, 25), name="gradient_descent trajectory")


@pytest.mark.grade("gradient_descent", points=2)
def test_gradient_descent_integer_matrix_start(student, ref, rng):
    """gradient_descent from an integer 2-D x0 with a non-linear gradient: shape (num_iters + 1, 2, 3)."""
    x0 = rng.integers(-3, 4, size=(2, 3))

    def grad(x):
        return x ** 3 / 10 - 1

    with inputs_unchanged(x0, names=["x0"]):
        traj = student.gradient_descent(grad, x0, 0.1, 6)
    assert_close(traj, ref.gradient_descent(grad, x0, 0.1, 6), name="gradient_descent trajectory")


@pytest.mark.grade("gradient_descent", points=1)
def test_gradient_descent_zero_iterations_and_scalar_start(student):
    """gradient_descent with num_iters=0 returns just x0; a 0-d x0 gives a trajectory of shape (num_iters + 1,)."""
    traj = student.gradient_descent(lambda x: 2 * x, np.array([1.0, 2.0, 3.0]), 0.1, 0)
    assert_close(traj, np.array([[1.0, 2.0, 3.0]]), name="gradient_descent(..., num_iters=0)")
    traj = student.gradient_descent(lambda x: 2 * x + 2, np.array(3.0), 0.25, 3)
    # x <- x - 0.25 (2x + 2) = 0.5 x - 0.5: 3, 1, 0, -0.5
    assert_close(traj, np.array([3.0, 1.0, 0.0, -0.5]), name="gradient_descent trajectory from a 0-d x0")


# ---------------------------------------------------------------------------
# steepest_descent
# ---------------------------------------------------------------------------

@pytest.mark.grade("steepest_descent", points=3)
def test_steepest_descent_matches_reference_non_quadratic(student, ref, rng):
    """steepest_descent on a non-quadratic convex function: Hessian re-evaluated at every point."""
    A = _spd(rng, 3, 8.0)
    b = 2 * rng.standard_normal(3)
    x0 = 2 * rng.standard_normal(3)

    def grad(x):  # f(x) = 1/2 x^T A x - b^T x + sum(log cosh x)
        return A @ x - b + np.tanh(x)

    def hess(x):
        return A + np.diag(1 - np.tanh(x) ** 2)

    with inputs_unchanged(x0, names=["x0"]):
        traj = student.steepest_descent(grad, hess, x0, 6)
    assert_close(traj, ref.steepest_descent(grad, hess, x0, 6), name="steepest_descent trajectory")


@pytest.mark.grade("steepest_descent", points=2)
def test_steepest_descent_textbook_trajectory_full_precision(student, ref):
    """steepest_descent on the 2x2 textbook quadratic from an integer x0: four steps, full precision."""
    A = np.array([[4, 1], [1, 3]])
    b = np.array([1, 2])
    x0 = np.array([2, 1])

    def grad(x):
        return A @ x - b

    def hess(x):
        return A

    with inputs_unchanged(x0, names=["x0"]):
        traj = student.steepest_descent(grad, hess, x0, 4)
    assert_close(traj[2:3], np.array([[0.121702, 0.642229]]), atol=1e-6, name="x2")
    assert_close(traj, ref.steepest_descent(grad, hess, x0, 4), name="steepest_descent trajectory")


@pytest.mark.grade("steepest_descent", points=2)
def test_steepest_descent_stops_at_first_small_gradient(student, ref, rng):
    """steepest_descent stops at the first point whose gradient norm is below tol, not before or after."""
    A = _spd(rng, 3, 4.0)
    b = rng.standard_normal(3)
    x0 = rng.standard_normal(3)

    def grad(x):
        return A @ x - b

    def hess(x):
        return A

    traj = student.steepest_descent(grad, hess, x0, 300, tol=1.5e-6)
    assert type(traj) is np.ndarray and traj.ndim == 2, "the trajectory must be an array of shape (k + 1, n)"
    norms = np.linalg.norm(traj @ A - b, axis=1)  # A is symmetric: x A = A x
    assert len(traj) < 301, "the gradient norm fell below tol, so the loop must stop early"
    assert norms[-1] < 1.5e-6, "the last point must be the first with a gradient norm below tol"
    assert np.all(norms[:-1] >= 1.5e-6), "the trajectory goes on after the gradient norm fell below tol"
    assert_close(traj, ref.steepest_descent(grad, hess, x0, 300, tol=1.5e-6), name="steepest_descent trajectory")


# ---------------------------------------------------------------------------
# conjugate_gradient
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("n", [3, 5, 8])
@pytest.mark.grade("conjugate_gradient", points=2)
def test_conjugate_gradient_solves_spd_system_within_n_steps(student, ref, rng, n):
    """conjugate_gradient solves a random SPD system (condition number 100) within n iterations."""
    A = _spd(rng, n, 100.0)
    b = rng.standard_normal(n)
    with inputs_unchanged(A, b, names=["A", "b"]):
        x, traj = student.conjugate_gradient(A, b)
    assert type(x) is np.ndarray and x.shape == (n,), "x must be an array of shape (n,)"
    residual = np.linalg.norm(A @ x - b) / np.linalg.norm(b)
    assert residual < 1e-8, f"||A x - b|| / ||b|| = {residual:.1e} after at most n steps (must be < 1e-8)"
    assert type(traj) is np.ndarray and traj.ndim == 2 and len(traj) <= n + 1, \
        "the trajectory must be an array of at most n + 1 points"
    assert_close(traj[0], np.zeros(n), name="trajectory[0] (x0 defaults to zeros)")
    assert_close(traj[-1], x, name="trajectory[-1] (must be x)")
    ref_x, ref_traj = ref.conjugate_gradient(A, b)
    assert_close(traj, ref_traj, name="conjugate_gradient trajectory")


@pytest.mark.grade("conjugate_gradient", points=2)
def test_conjugate_gradient_x0_and_max_iters(student, ref, rng):
    """conjugate_gradient from an integer x0 with max_iters=2 takes exactly two steps."""
    A = _spd(rng, 4, 20.0)
    b = rng.standard_normal(4)
    x0 = rng.integers(-2, 3, size=4)
    with inputs_unchanged(A, b, x0, names=["A", "b", "x0"]):
        x, traj = student.conjugate_gradient(A, b, x0=x0, max_iters=2)
    ref_x, ref_traj = ref.conjugate_gradient(A, b, x0=x0, max_iters=2)
    assert_close(traj, ref_traj, name="conjugate_gradient trajectory")
    assert_close(x, ref_x, name="x")


@pytest.mark.grade("conjugate_gradient", points=1)
def test_conjugate_gradient_starts_at_solution(student):
    """conjugate_gradient checks the residual before stepping: x0 that solves A x = b is returned at once."""
    A = np.array([[3, 1, 0], [1, 4, 1], [0, 1, 5]])
    x0 = np.array([1, -1, 2])
    x, traj = student.conjugate_gradient(A, A @ x0, x0=x0)
    assert_close(x, np.array([1.0, -1.0, 2.0]), name="x")
    assert_close(traj, np.array([[1.0, -1.0, 2.0]]), name="trajectory")


@pytest.mark.grade("conjugate_gradient", points=1)
def test_conjugate_gradient_symmetry_check_tolerance(student, rng):
    """conjugate_gradient rejects A asymmetric beyond 1e-10 relative or non-square, accepts round-off asymmetry."""
    A = _spd(rng, 3, 10.0)
    b = rng.standard_normal(3)
    bad = A.copy()
    bad[0, 2] += 1e-8 * np.abs(A).max()
    with pytest.raises(ValueError):
        student.conjugate_gradient(bad, b)
    with pytest.raises(ValueError):
        student.conjugate_gradient(np.ones((3, 2)), b)
    almost = A.copy()
    almost[0, 2] += 1e-14 * np.abs(A).max()
    x, traj = student.conjugate_gradient(almost, b)
    assert np.linalg.norm(A @ x - b) < 1e-8 * np.linalg.norm(b), "a matrix symmetric up to round-off must be solved"


# ---------------------------------------------------------------------------
# fit_linear_regression
# ---------------------------------------------------------------------------

def _compare_fit(student, ref, X, y, **kw):
    with inputs_unchanged(X, y, names=["X", "y"]):
        w, b, losses = student.fit_linear_regression(X, y, **kw)
    rw, rb, rlosses = ref.fit_linear_regression(X, y, **kw)
    assert_close(w, rw, name="w")
    assert_close(b, rb, name="b")
    assert_close(_as_loss_array(losses, kw["epochs"]), np.array(rlosses), name="losses")


@pytest.mark.grade("fit_linear_regression", points=3)
def test_fit_linear_regression_batch_matches_reference(student, ref, rng):
    """fit_linear_regression, method="batch": w, b and every epoch's loss (N=7, D=3)."""
    X = rng.standard_normal((7, 3))
    y = X @ rng.standard_normal(3) + 0.3 * rng.standard_normal(7) + 1.5
    _compare_fit(student, ref, X, y, method="batch", lr=0.05, epochs=15, batch_size=2, seed=123)


@pytest.mark.grade("fit_linear_regression", points=4)
def test_fit_linear_regression_minibatch_matches_reference(student, ref, rng):
    """fit_linear_regression, method="minibatch": exact RNG order, last batch shorter, X and y shuffled together."""
    N = 11
    X = np.column_stack([np.arange(N) / N, rng.standard_normal(N)])
    y = np.arange(N) / N + 0.1 * rng.standard_normal(N)  # y follows the row index, like X[:, 0]
    _compare_fit(student, ref, X, y, method="minibatch", lr=0.1, epochs=3, batch_size=4, seed=5)


@pytest.mark.grade("fit_linear_regression", points=3)
def test_fit_linear_regression_sgd_matches_reference(student, ref, rng):
    """fit_linear_regression, method="sgd": one sample per step in the order of each epoch's permutation."""
    N = 7
    X = np.column_stack([np.arange(N) - 3.0, rng.standard_normal(N)])
    y = 0.5 * np.arange(N) + rng.standard_normal(N)
    _compare_fit(student, ref, X, y, method="sgd", lr=0.02, epochs=2, seed=3)


@pytest.mark.grade("fit_linear_regression", points=2)
def test_fit_linear_regression_loss_is_full_data_mse_after_epoch(student, rng):
    """fit_linear_regression's last loss is the full-data MSE of the returned w and b."""
    X = rng.standard_normal((9, 2))
    y = X @ np.array([1.0, -2.0]) + rng.standard_normal(9)
    w, b, losses = student.fit_linear_regression(X, y, method="minibatch", lr=0.05, epochs=4,
                                                 batch_size=4, seed=11)
    losses = _as_loss_array(losses, 4)
    mse = np.mean((X @ np.asarray(w, dtype=float) + float(b) - y) ** 2)
    assert_close(losses[-1], float(mse), name="losses[-1]")


@pytest.mark.grade("fit_linear_regression", points=1)
def test_fit_linear_regression_integer_inputs(student, ref, rng):
    """fit_linear_regression on integer X and y (sgd), which it must not modify."""
    X = rng.integers(-3, 4, size=(6, 2))
    y = rng.integers(-5, 6, size=6)
    _compare_fit(student, ref, X, y, method="sgd", lr=0.01, epochs=2, seed=0)


# ---------------------------------------------------------------------------
# optimizers
# ---------------------------------------------------------------------------

def _params(rng):
    return {"W1": rng.standard_normal((3, 2)), "b1": rng.standard_normal(2)}


def _grad_seq(rng, params, calls, scales=None):
    scales = scales or [1.0] * calls
    return [{k: s * rng.standard_normal(v.shape) for k, v in params.items()} for s in scales[:calls]]


@pytest.mark.grade("SGD.update", points=2)
def test_sgd_update_matches_reference_three_calls(student, ref, rng):
    """SGD.update over three calls on two keys of different shapes."""
    params = _params(rng)
    _compare_optimizer(student.SGD(lr=0.3), ref.SGD(lr=0.3), params, _grad_seq(rng, params, 3), "SGD")


@pytest.mark.grade("SGD.update", points=2)
def test_sgd_update_default_lr(student, ref, rng):
    """SGD.update with the default learning rate, grads left unchanged."""
    params = _params(rng)
    _compare_optimizer(student.SGD(), ref.SGD(), params, _grad_seq(rng, params, 2), "SGD")


@pytest.mark.grade("Momentum.update", points=3)
def test_momentum_update_matches_reference(student, ref, rng):
    """Momentum.update over four calls with changing gradients on two keys."""
    params = _params(rng)
    _compare_optimizer(student.Momentum(lr=0.05, momentum=0.8), ref.Momentum(lr=0.05, momentum=0.8),
                       params, _grad_seq(rng, params, 4), "Momentum")


@pytest.mark.grade("Momentum.update", points=2)
def test_momentum_update_state_per_key(student, ref, rng):
    """Momentum.update keeps a separate velocity for keys of the same shape."""
    params = {"a": rng.standard_normal((2, 2)), "b": rng.standard_normal((2, 2))}
    seq = [{"a": np.full((2, 2), 1.0), "b": np.full((2, 2), -3.0)} for _ in range(3)]
    _compare_optimizer(student.Momentum(lr=0.1, momentum=0.5), ref.Momentum(lr=0.1, momentum=0.5),
                       params, seq, "Momentum")


@pytest.mark.grade("Momentum.update", points=1)
def test_momentum_update_default_hyperparameters(student, ref, rng):
    """Momentum.update with the default lr and momentum."""
    params = _params(rng)
    _compare_optimizer(student.Momentum(), ref.Momentum(), params, _grad_seq(rng, params, 3), "Momentum")


@pytest.mark.grade("AdaGrad.update", points=3)
def test_adagrad_update_matches_reference(student, ref, rng):
    """AdaGrad.update over four calls with changing gradients on two keys."""
    params = _params(rng)
    _compare_optimizer(student.AdaGrad(lr=0.1), ref.AdaGrad(lr=0.1), params,
                       _grad_seq(rng, params, 4, [1.0, 3.0, 0.5, 2.0]), "AdaGrad")


@pytest.mark.grade("AdaGrad.update", points=2)
def test_adagrad_update_small_gradients_eps_after_sqrt(student, ref, rng):
    """AdaGrad.update with tiny gradients, where eps matters: eps is added after the square root."""
    params = _params(rng)
    _compare_optimizer(student.AdaGrad(lr=0.1, eps=1e-6), ref.AdaGrad(lr=0.1, eps=1e-6), params,
                       _grad_seq(rng, params, 3, [1e-6, 2e-6, 1e-6]), "AdaGrad")


@pytest.mark.grade("AdaGrad.update", points=1)
def test_adagrad_update_default_hyperparameters(student, ref, rng):
    """AdaGrad.update with the default lr and eps."""
    params = _params(rng)
    _compare_optimizer(student.AdaGrad(), ref.AdaGrad(), params, _grad_seq(rng, params, 3), "AdaGrad")


@pytest.mark.grade("RMSProp.update", points=3)
def test_rmsprop_update_matches_reference(student, ref, rng):
    """RMSProp.update over four calls with gradients whose size changes a lot between calls."""
    params = _params(rng)
    _compare_optimizer(student.RMSProp(lr=0.05, decay_rate=0.9), ref.RMSProp(lr=0.05, decay_rate=0.9), params,
                       _grad_seq(rng, params, 4, [1.0, 10.0, 0.1, 3.0]), "RMSProp")


@pytest.mark.grade("RMSProp.update", points=2)
def test_rmsprop_update_state_per_key(student, ref, rng):
    """RMSProp.update keeps a separate average for keys of the same shape with very different gradients."""
    params = {"a": rng.standard_normal(4), "b": rng.standard_normal(4)}
    seq = [{"a": 100.0 * rng.standard_normal(4), "b": 0.01 * rng.standard_normal(4)} for _ in range(3)]
    _compare_optimizer(student.RMSProp(lr=0.01, decay_rate=0.5), ref.RMSProp(lr=0.01, decay_rate=0.5),
                       params, seq, "RMSProp")


@pytest.mark.grade("RMSProp.update", points=1)
def test_rmsprop_update_default_hyperparameters(student, ref, rng):
    """RMSProp.update with the default lr, decay_rate and eps."""
    params = _params(rng)
    _compare_optimizer(student.RMSProp(), ref.RMSProp(), params, _grad_seq(rng, params, 3), "RMSProp")


@pytest.mark.grade("Adam.update", points=3)
def test_adam_update_matches_reference(student, ref, rng):
    """Adam.update over five calls on two keys with non-default betas."""
    params = _params(rng)
    kw = dict(lr=0.01, beta1=0.8, beta2=0.95, eps=1e-6)
    _compare_optimizer(student.Adam(**kw), ref.Adam(**kw), params,
                       _grad_seq(rng, params, 5, [1.0, 2.0, 0.5, 1.0, 4.0]), "Adam")


@pytest.mark.grade("Adam.update", points=2)
def test_adam_update_t_counts_calls_not_keys(student):
    """Adam.update with three keys and constant gradients: every step is about lr * sign(g)."""
    # With a constant g the bias-corrected moments are exactly g and g^2 at every t, so
    # each step is lr * g / (|g| + eps): the same for all keys and all calls.
    opt = student.Adam(lr=0.01)
    params = {"a": np.zeros(2), "b": np.zeros((2, 2)), "c": np.zeros(3)}
    grads = {"a": np.array([2.0, -0.5]), "b": np.full((2, 2), -4.0), "c": np.array([1.0, 3.0, -1.0])}
    for t in range(1, 5):
        opt.update(params, grads)
        for k in params:
            assert_close(params[k], -0.01 * t * np.sign(grads[k]), name=f'params["{k}"] after call {t}')


@pytest.mark.grade("Adam.update", points=1)
def test_adam_update_small_gradients_eps_after_sqrt(student, ref, rng):
    """Adam.update with tiny gradients: eps is added after the square root of the bias-corrected v."""
    params = _params(rng)
    _compare_optimizer(student.Adam(lr=0.01), ref.Adam(lr=0.01), params,
                       _grad_seq(rng, params, 3, [1e-8, 2e-8, 1e-8]), "Adam")


@pytest.mark.grade("Adam.update", points=1)
def test_adam_update_default_hyperparameters(student, ref, rng):
    """Adam.update with the default lr, betas and eps."""
    params = _params(rng)
    _compare_optimizer(student.Adam(), ref.Adam(), params, _grad_seq(rng, params, 3), "Adam")
