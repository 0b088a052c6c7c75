"""Gradient checks through the worker give the same numbers as in-process, in one round trip each.

``numerical_gradient`` asks a sandboxed function for its outputs at ``x +/- h e_i``
(``RemoteFunction.perturbed``) and ``numerical_param_gradient`` asks a sandboxed
object to sweep its parameters (``RemoteObject._dlkit_param_sweep``). The worker
only builds the inputs; the differences are taken on the grader's side.
"""

import importlib.util

import numpy as np
import pytest

from autograder import sandbox
from autograder.errors import BadResult
from autograder.proxy import Limits, RemoteModule, WorkerSession
from shared.checks import CheckFailure
from shared.gradcheck import numerical_gradient, numerical_param_gradient

MODULE = '''
import numpy as np

def affine(x, w, scale=1.0):
    return scale * (x @ w), {"x": x}

def affine_that_scribbles(x, w, scale=1.0):
    out = scale * (x @ w)
    x += 100.0
    w *= -3.0
    return out, {"x": x}

def as_list(x):
    return [float(v) for v in np.sin(x).ravel()]

class Net:
    def __init__(self):
        self.params = {"W": np.array([[0.5, -1.0], [2.0, 0.25]]), "b": np.array([0.1, -0.2])}

    def loss(self, x):
        return float(np.sum(np.tanh(x @ self.params["W"] + self.params["b"]) ** 2))

    def not_a_number(self, x):
        return "0.5"
'''

X = np.array([[0.3, -0.7], [1.1, 0.2], [-0.4, 0.9]])
W = np.array([[0.2, -0.5, 1.5], [0.8, 0.1, -1.2]])
DOUT = np.arange(9.0).reshape(3, 3) / 7


def _local(tmp_path, name="student_mod"):
    spec = importlib.util.spec_from_file_location(name, tmp_path / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def remote(tmp_path):
    (tmp_path / "student_mod.py").write_text(MODULE)
    session = WorkerSession(tmp_path / "student_mod.py", "student_mod", sandbox.choose_backend("auto"),
                            Limits(call_timeout=10, submission_budget=30))
    yield RemoteModule(session), session
    session.close()


def test_perturbed_outputs_match_the_in_process_loop_exactly(tmp_path, remote):
    student, session = remote
    local = _local(tmp_path)
    for wrt in (0, 1):
        before = session._seq
        got = numerical_gradient(student.affine, (X, W), {"scale": 0.5}, wrt=wrt, dout=DOUT, pick=0)
        assert session._seq - before == 1  # one round trip, whatever the size of x
        want = numerical_gradient(local.affine, (X, W), {"scale": 0.5}, wrt=wrt, dout=DOUT, pick=0)
        assert np.array_equal(got, want)
    assert np.allclose(numerical_gradient(student.affine, (X, W), wrt=1, dout=DOUT, pick=0), X.T @ DOUT)


def test_every_perturbed_call_gets_fresh_copies(remote):
    student, _ = remote
    got = numerical_gradient(student.affine_that_scribbles, (X, W), wrt=1, dout=DOUT, pick=0)
    assert np.allclose(got, X.T @ DOUT)


def test_results_that_cannot_be_stacked_come_back_as_a_list(tmp_path, remote):
    student, _ = remote
    local = _local(tmp_path)
    dout = np.linspace(-1, 1, X.size)
    got = numerical_gradient(student.as_list, (X,), dout=dout)
    assert np.array_equal(got, numerical_gradient(local.as_list, (X,), dout=dout))


def test_param_sweep_matches_in_process_and_restores_the_parameters(tmp_path, remote):
    student, session = remote
    net, local_net = student.Net(), _local(tmp_path).Net()
    params = {"W": np.array([[0.3, 0.1], [-0.6, 0.9]]), "b": np.array([0.05, 0.4])}
    before = session._seq
    got = numerical_param_gradient(net, "loss", (X[:, :2],), params, ("W", "b"))
    assert session._seq - before == 1
    want = numerical_param_gradient(local_net, "loss", (X[:, :2],), params, ("W", "b"))
    assert got.keys() == want.keys() and all(np.array_equal(got[k], want[k]) for k in want)
    for k in params:
        assert np.array_equal(net.params[k], params[k]) and np.array_equal(local_net.params[k], params[k])


def test_param_sweep_results_are_checked_as_real_scalars(remote):
    student, _ = remote
    with pytest.raises(CheckFailure, match="real scalar"):
        numerical_param_gradient(student.Net(), "not_a_number", (X[:, :2],), {"b": np.zeros(2)}, ("b",))


def test_a_known_method_costs_one_round_trip(remote):
    student, session = remote
    net = student.Net()
    net.loss(X[:, :2])
    before = session._seq
    net.loss(X[:, :2])
    assert session._seq - before == 1


def test_a_worker_answering_with_the_wrong_number_of_outputs_is_refused(tmp_path):
    # The student's module runs in the worker's process, so it can replace the worker's own code.
    (tmp_path / "forger.py").write_text(
        "import sys\nimport numpy as np\n"
        "m = sys.modules['__main__']\n"
        "m._perturb = lambda req, blobs: ({'ok': True, 'stacked': True, "
        "'result': m.wire.encode(np.zeros((3, 2)), blobs)}, blobs)\n"
        "def f(x):\n    return x\n")
    session = WorkerSession(tmp_path / "forger.py", "forger", sandbox.choose_backend("auto"), Limits())
    try:
        with pytest.raises(BadResult, match="wrong number of results"):
            numerical_gradient(RemoteModule(session).f, (np.zeros(5),), dout=np.ones(5))
    finally:
        session.close()
