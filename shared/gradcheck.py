"""Numerical gradients by central differences, and the gradient check used by every test.

The numerical gradient of ``L = sum(f(...) * dout)`` with respect to an input ``x`` is

    dL/dx[i] ~= (L(x + h e_i) - L(x - h e_i)) / (2 h)

computed in float64 with ``h = 1e-5``. ``f`` is always called with perturbed
*copies*, so it may be any function (it does not have to read ``x`` in place).

When ``f`` is the autograder's proxy for a student function, the sandboxed
worker makes the perturbed copies and calls itself, in one round trip
(``f.perturbed``); a plain function is just called in a loop. The results are
the same, and the differences are always taken here, on the grader's side.
"""

from __future__ import annotations

import numpy as np

from shared.checks import CheckFailure, as_real, load_params, rel_error

__all__ = ["numerical_gradient", "numerical_param_gradient", "check_gradient", "check_derivative", "call_many"]

STEP_TOL = 1e-6       # one layer / one time step
SEQUENCE_TOL = 1e-5   # whole sequences (BPTT)


def call_many(fn, calls, pick=None):
    """Call ``fn(*args, **kwargs)`` for every ``(args, kwargs)`` in ``calls``, in order.

    ``pick``: if given, keep only ``result[pick]`` of each result (e.g. 0 to drop a cache).
    """
    batched = getattr(fn, "call_many", None)
    if batched is not None:
        return batched(calls, pick=pick)
    out = []
    for args, kwargs in calls:
        r = fn(*args, **kwargs)
        out.append(r if pick is None else r[pick])
    return out


def _as_float(a):
    return np.array(a, dtype=np.float64, copy=True)


def _dot(y, dout):
    y = np.asarray(y, dtype=np.float64)
    if dout is None:
        if y.size != 1:
            raise CheckFailure(f"expected a scalar output, got shape {y.shape}")
        return float(y.reshape(()))
    if y.shape != np.shape(dout):
        raise CheckFailure(f"output has shape {y.shape}, expected {np.shape(dout)}",
                           f"output has shape {y.shape}, expected another shape")
    return float(np.sum(y * dout))


def numerical_gradient(fn, args, kwargs=None, wrt=0, dout=None, pick=None, h=1e-5):
    """Central-difference gradient of ``sum(fn(*args, **kwargs)[pick] * dout)``.

    Inputs:
    - fn: the function; called only with copies of ``args``.
    - args: tuple of positional arguments.
    - kwargs: dict of keyword arguments (default none).
    - wrt: index into ``args`` of the array to differentiate with respect to.
    - dout: upstream gradient, the shape of the output; ``None`` for a scalar output.
    - pick: index of the output inside a returned tuple (e.g. 0 for ``(out, cache)``).
    - h: the step.

    Returns an array of ``args[wrt]``'s shape (float64).
    """
    kwargs = dict(kwargs or {})
    base = [_as_float(a) if isinstance(a, np.ndarray) else a for a in args]
    x = base[wrt]
    perturbed = getattr(fn, "perturbed", None)
    if perturbed is not None:
        outs = perturbed(tuple(base), kwargs, wrt=wrt, h=h, pick=pick)
    else:
        calls = []
        for i in range(x.size):
            for sign in (+1, -1):
                xp = x.copy()
                xp.flat[i] += sign * h
                a = list(base)
                a[wrt] = xp
                calls.append((tuple(a), kwargs))
        outs = call_many(fn, calls, pick=pick)
    grad = np.empty(x.shape, dtype=np.float64)
    for i in range(x.size):
        grad.flat[i] = (_dot(outs[2 * i], dout) - _dot(outs[2 * i + 1], dout)) / (2 * h)
    return grad


def numerical_param_gradient(obj, method, args, params, keys, h=1e-5, attr="params"):
    """Central differences of a scalar ``obj.<method>(*args)`` with respect to ``obj.<attr>``.

    Inputs:
    - obj: an object holding its parameters in a dict ``obj.<attr>`` (e.g. a network).
    - method: name of the method giving a real scalar, e.g. ``"loss"``.
    - args: tuple of positional arguments of the method, e.g. ``(X, T)``.
    - params: dict of the parameters' current values; each entry of ``params[key]`` is
      moved by +/- h in turn, and ``obj.<attr>[key]`` gets ``params[key]`` back at the end.
    - keys: the keys of ``params`` to differentiate, in order.

    Returns a dict ``{key: gradient}``, each of ``params[key]``'s shape (float64).
    On the autograder's proxy of a student object, the sweep runs in one round trip.
    """
    values = {key: np.asarray(params[key]) for key in keys}
    sweep = getattr(obj, "_dlkit_param_sweep", None)
    if sweep is not None:
        outs = sweep(attr, method, tuple(args), values, h)
    else:
        outs = []
        for key, value in values.items():
            p = value.copy()
            for i in range(value.size):
                for sign in (+1, -1):
                    p.flat[i] = value.flat[i] + sign * h
                    load_params(obj, {key: p}, attr)
                    outs.append(getattr(obj, method)(*args))
                p.flat[i] = value.flat[i]
            load_params(obj, {key: value}, attr)
    grads, k = {}, 0
    for key, value in values.items():
        g = np.empty(value.shape, dtype=np.float64)
        for i in range(value.size):
            g.flat[i] = (as_real(outs[k]) - as_real(outs[k + 1])) / (2 * h)
            k += 2
        grads[key] = g
    return grads


def check_gradient(fn, args, grads, *, kwargs=None, dout=None, pick=None, names=None,
                   tol=STEP_TOL, h=1e-5, label=None):
    """Check analytic gradients against central differences.

    Inputs:
    - fn, args, kwargs, dout, pick, h: as in :func:`numerical_gradient`.
    - grads: dict ``{index into args: analytic gradient}``.
    - names: dict ``{index: name}`` for messages, e.g. ``{0: "dx"}``.
    - tol: largest accepted :func:`shared.checks.rel_error`.
    - label: the function being checked, for messages (e.g. ``"conv_backward"``).

    Raises CheckFailure naming the first gradient whose relative error exceeds ``tol``.
    """
    names = names or {}
    prefix = f"{label}: " if label else ""
    for i, analytic in grads.items():
        gname = names.get(i, f"gradient of argument {i + 1}")
        shape = np.shape(args[i])
        if type(analytic) is not np.ndarray:
            raise CheckFailure(f"{prefix}{gname}: expected a numpy.ndarray, got {type(analytic).__name__}")
        if analytic.shape != shape:
            raise CheckFailure(f"{prefix}{gname}: expected shape {shape}, got shape {analytic.shape}")
        num = numerical_gradient(fn, args, kwargs, wrt=i, dout=dout, pick=pick, h=h)
        err = rel_error(analytic, num)
        if not err < tol:
            raise CheckFailure(
                f"{prefix}{gname} does not match the numerical gradient: relative error {err:.2e} "
                f"(must be below {tol:g}); numerical {np.array2string(num.ravel()[:4], precision=6)}..., "
                f"yours {np.array2string(np.asarray(analytic, dtype=float).ravel()[:4], precision=6)}...",
                f"{prefix}{gname} does not match the numerical gradient "
                f"(relative error {err:.1e}, must be below {tol:g})")


def check_derivative(f, f_grad_value, x, *, kwargs=None, tol=STEP_TOL, h=1e-5, label=None):
    """Check an elementwise derivative: ``f_grad_value`` against ``(f(x+h) - f(x-h)) / 2h``.

    ``f`` is elementwise, so two calls give every entry at once.
    """
    kwargs = dict(kwargs or {})
    x = _as_float(x)
    plus, minus = call_many(f, [((x + h,), kwargs), ((x - h,), kwargs)])
    num = (np.asarray(plus, dtype=float) - np.asarray(minus, dtype=float)) / (2 * h)
    prefix = f"{label}: " if label else ""
    if type(f_grad_value) is not np.ndarray or f_grad_value.shape != x.shape:
        raise CheckFailure(f"{prefix}expected an ndarray of shape {x.shape}, got "
                           f"{type(f_grad_value).__name__} {getattr(f_grad_value, 'shape', '')}")
    err = rel_error(f_grad_value, num)
    if not err < tol:
        raise CheckFailure(
            f"{prefix}derivative does not match central differences: relative error {err:.2e} (must be below {tol:g})",
            f"{prefix}derivative does not match central differences (relative error {err:.1e})")
