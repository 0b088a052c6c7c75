"""Comparison helpers shared by the tests, the notebooks and students.

Every numeric check in the course goes through :func:`assert_close`, which
reports problems in a fixed order so that the first line of a failure says
the most useful thing:

    1. type        (an ndarray was expected, a list came back)
    2. shape       ((3,) expected, (3, 1) came back)
    3. dtype kind  (float expected, int came back)
    4. nan / inf   (where the expected value is finite)
    5. values      (the worst entry: index, got, expected, relative error)

A failure raises :class:`CheckFailure`, an ``AssertionError`` that carries two
texts: ``message`` (everything, for students running public checks) and
``summary`` (no inputs, no expected values: what feedback on hidden tests shows).
"""

from __future__ import annotations

import contextlib
import numbers

import numpy as np

__all__ = [
    "CheckFailure",
    "assert_close",
    "assert_scalar_close",
    "assert_unchanged",
    "inputs_unchanged",
    "rel_error",
]

DEFAULT_RTOL = 1e-6
DEFAULT_ATOL = 1e-8

_KIND_NAMES = {"f": "float", "i": "integer", "u": "integer", "b": "bool", "c": "complex"}


class CheckFailure(AssertionError):
    """A failed check: ``message`` may show values, ``summary`` never does."""

    def __init__(self, message: str, summary: str | None = None):
        super().__init__(message)
        self.message = message
        self.summary = summary if summary is not None else message


def rel_error(a, b) -> float:
    """Relative error ``max|a - b| / max(1e-8, max(|a| + |b|))`` used by gradient checks.

    The maxima are taken over all entries, so an entry whose true value is 0
    (a dead ReLU, a padded border) does not blow the error up.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b)) / max(1e-8, float(np.max(np.abs(a) + np.abs(b)))))


def _type_name(x) -> str:
    t = type(x)
    if getattr(t, "dlkit_type_name", None):  # the grader's stand-in for a non-data result
        return t.dlkit_type_name
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__name__}"


def _is_real_scalar(x) -> bool:
    if isinstance(x, (bool, np.bool_)):
        return False
    if type(x) in (int, float) or type(x) in _NUMPY_REAL_SCALARS:
        return True
    return type(x) is np.ndarray and x.ndim == 0 and x.dtype.kind in "iuf"


_NUMPY_REAL_SCALARS = {
    np.float16, np.float32, np.float64, np.longdouble,
    np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
}


def _fmt_index(idx) -> str:
    return "()" if idx == () else str(tuple(int(i) for i in idx))


def assert_close(got, expected, *, rtol: float = DEFAULT_RTOL, atol: float = DEFAULT_ATOL,
                 name: str = "result", kind: str | None = None) -> None:
    """Check that ``got`` equals ``expected`` within ``|got - exp| <= atol + rtol * |exp|``.

    Inputs:
    - got: what the code under test returned.
    - expected: an ndarray (exact type and shape required; a 0-d expected value
      also accepts any real scalar) or a real scalar (any real scalar accepted).
    - rtol, atol: tolerances (defaults 1e-6 and 1e-8, against the reference).
    - name: what to call ``got`` in the message, e.g. ``"sigmoid(x)"``.
    - kind: dtype kinds accepted, e.g. ``"f"`` or ``"iu"``; default: float
      expected -> ``"f"``, integer expected -> ``"iu"``, bool -> ``"b"``.

    Raises CheckFailure with the first problem found (see module docstring).
    """
    scalar_expected = not isinstance(expected, np.ndarray) or expected.ndim == 0
    expected = np.asarray(expected)
    if kind is None:
        kind = {"f": "f", "i": "iu", "u": "iu", "b": "b", "c": "fc"}.get(expected.dtype.kind, "f")
    kinds = " or ".join(sorted({_KIND_NAMES.get(k, k) for k in kind}))

    # 1. type
    if scalar_expected:
        if not (_is_real_scalar(got) or (isinstance(got, (bool, np.bool_)) and "b" in kind)):
            _fail(f"{name}: expected a real scalar, got {_type_name(got)}")
        got_arr = np.asarray(got)
    else:
        if type(got) is not np.ndarray:
            _fail(f"{name}: expected a numpy.ndarray, got {_type_name(got)}")
        got_arr = got
    # 2. shape
    if got_arr.shape != expected.shape:
        _fail(f"{name}: expected shape {expected.shape}, got shape {got_arr.shape}")
    # 3. dtype kind
    if got_arr.dtype.kind not in kind:
        _fail(f"{name}: expected {kinds} values, got dtype {got_arr.dtype}")
    if got_arr.size == 0:
        return
    g = got_arr.astype(np.float64) if got_arr.dtype.kind != "c" else got_arr
    e = expected.astype(np.float64) if expected.dtype.kind != "c" else expected
    # 4. nan / inf where the expected value is finite
    bad = ~np.isfinite(g) & np.isfinite(e)
    if bad.any():
        idx = np.unravel_index(int(np.flatnonzero(bad)[0]), g.shape) if g.ndim else ()
        what = "nan" if np.isnan(g[idx]) else "inf"
        _fail(f"{name}: got {what} at index {_fmt_index(idx)} ({int(bad.sum())} non-finite entries)",
              f"{name}: got non-finite values ({int(bad.sum())} entries)")
    # 5. values
    with np.errstate(all="ignore"):
        diff = np.abs(g - e)
        same_inf = (g == e)  # equal infinities are fine
        excess = np.where(same_inf, -np.inf, diff - (atol + rtol * np.abs(e)))
    if (excess > 0).any():
        flat = int(np.argmax(excess))
        idx = np.unravel_index(flat, g.shape) if g.ndim else ()
        gi, ei = g[idx], e[idx]
        err = abs(gi - ei)
        scale = abs(ei)
        how = f"relative error {err / scale:.2e}" if scale > 0 else f"absolute error {err:.2e}"
        n_bad = int((excess > 0).sum())
        where = f" at index {_fmt_index(idx)}" if g.ndim else ""
        count = f" ({n_bad} of {g.size} entries differ)" if g.ndim else ""
        _fail(f"{name}: wrong value{where}: got {_fmt(gi)}, expected {_fmt(ei)} "
              f"({how}; rtol={rtol:g}, atol={atol:g}){count}",
              f"{name}: wrong values{count} (worst {how.replace(' error', ' error of')})")


def _fmt(v) -> str:
    return f"{complex(v):.10g}" if np.iscomplexobj(v) else f"{float(v):.10g}"


def assert_scalar_close(got, expected, **kw) -> None:
    """:func:`assert_close` for a stated scalar result (e.g. a loss value)."""
    assert_close(got, float(expected), **kw)


def _fail(message: str, summary: str | None = None):
    raise CheckFailure(message, summary if summary is not None else message)


def assert_unchanged(before, after, name: str = "input") -> None:
    """Check an argument was not modified in place: ``after`` must equal the copy ``before``."""
    if isinstance(before, dict):
        for k in before:
            assert_unchanged(before[k], after[k], f"{name}[{k!r}]")
        return
    if isinstance(before, np.ndarray):
        if (after.shape != before.shape or after.dtype != before.dtype
                or not np.array_equal(after, before, equal_nan=True)):
            _fail(f"{name} was modified in place: functions must not change their arguments "
                  f"(work on a copy, e.g. x = x.copy() or x = x - m instead of x -= m)")


@contextlib.contextmanager
def inputs_unchanged(*arrays, names=None):
    """Context manager: fail if any of ``arrays`` changes inside the block.

    >>> with inputs_unchanged(x, w):
    ...     out = conv_forward(x, w, b)
    """
    names = names or [f"argument {i + 1}" for i in range(len(arrays))]
    copies = [_deep_copy(a) for a in arrays]
    yield
    for before, after, n in zip(copies, arrays, names):
        assert_unchanged(before, after, n)


def _deep_copy(a):
    if isinstance(a, dict):
        return {k: _deep_copy(v) for k, v in a.items()}
    return a.copy() if isinstance(a, np.ndarray) else a


def as_real(x) -> float:
    """A real scalar (Python or numpy, or a 0-d array) as a Python float."""
    if not _is_real_scalar(x) and not isinstance(x, numbers.Real):
        raise CheckFailure(f"expected a real scalar, got {_type_name(x)}")
    return float(x)


def load_params(obj, values: dict, attr: str = "params") -> None:
    """Overwrite ``obj.<attr>[key][...] = value`` in place for every key of ``values``.

    Tests use it to put known weights into a student's network. It works the same
    on an object living in the grader's sandbox, where ``obj.params`` is only a copy.
    """
    fill = getattr(obj, "_dlkit_fill_items", None)
    if fill is not None:
        fill(attr, values)
        return
    container = getattr(obj, attr)
    for key, value in values.items():
        container[key][...] = value
