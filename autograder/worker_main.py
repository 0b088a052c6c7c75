"""The sandboxed worker: imports one student module and answers calls, as plain data.

Runs as ``python -I -S worker_main.py SITE_DIR MODULE_PATH MODULE_NAME REQ_FD RESP_FD``:
requests arrive on REQ_FD, answers leave on RESP_FD; its stdout/stderr go to a capped pipe the grader
drains and never parses. It sees only this file, ``wire.py``, numpy and the
student's module: no tests, no reference, no grader files.

Objects the grader may not see (caches, instances, anything that is not plain
data) stay here in ``HANDLES``; the grader refers to them by number.
"""

import os
import sys
import traceback

SITE_DIR, MODULE_PATH, MODULE_NAME, REQ_FD, RESP_FD = sys.argv[1:6]
sys.path[:0] = [os.path.dirname(os.path.abspath(__file__)), SITE_DIR]
sys.dont_write_bytecode = True

import numpy as np  # noqa: E402

import wire  # noqa: E402

REQ = os.fdopen(int(REQ_FD), "rb", buffering=0)
RESP = os.fdopen(int(RESP_FD), "wb", buffering=0)
HANDLES = {}
_next = [0]


def _keep(obj):
    _next[0] += 1
    HANDLES[_next[0]] = obj
    return {"h": _next[0]}


def _read_exact(n):
    chunks = []
    while n:
        b = REQ.read(n)
        if not b:
            raise EOFError
        chunks.append(b)
        n -= len(b)
    return b"".join(chunks)


def receive():
    (n,) = wire._LEN.unpack(_read_exact(wire._LEN.size))
    return wire.unpack(_read_exact(n))


def send(header, blobs=()):
    RESP.write(wire.pack(header, list(blobs)))


def _error(exc):
    tb = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in tb if os.path.abspath(f.filename) == MODULE_PATH]
    text = "".join(traceback.format_list(mine[-4:]))
    return {"type": type(exc).__name__, "mro": [c.__name__ for c in type(exc).__mro__],
            "message": str(exc)[:2000], "traceback": text[-3000:]}


# -- mirroring in-place changes of arguments back to the grader ------------------

def _snapshot(v):
    if type(v) is np.ndarray:
        return v.copy()
    if type(v) in (list, tuple):
        return type(v)(_snapshot(x) for x in v)
    if type(v) is dict:
        return {k: _snapshot(x) for k, x in v.items()}
    return v


def _same(a, b):
    if type(a) is not type(b):
        return False
    if type(a) is np.ndarray:
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if type(a) is dict:
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return True


class Mirror:
    """Tracks the mutable arguments of one call and reports those that changed."""

    def __init__(self, args, kwargs):
        self.items = [(i, a) for i, a in enumerate(args)] + list(kwargs.items())
        self.items = [(k, v) for k, v in self.items if type(v) in (np.ndarray, list, dict)]
        self.base = {k: _snapshot(v) for k, v in self.items}

    def changes(self, blobs):
        out = []
        for k, v in self.items:
            if not _same(v, self.base[k]):
                try:
                    out.append([k, wire.encode(v, blobs, _keep)])
                except Exception:
                    continue
                self.base[k] = _snapshot(v)
        return out


# -- calls ---------------------------------------------------------------------------

def _decode(node, blobs, callbacks=None):
    return wire.decode(node, blobs, on_handle=lambda h: HANDLES[h],
                       on_callback=callbacks or (lambda c: None))


def _callback_function(cb_id, mirror_ref):
    def call_grader(*args, **kwargs):
        blobs = []
        header = {"op": "callback", "cb": cb_id,
                  "args": wire.encode(tuple(args), blobs, _keep),
                  "kwargs": wire.encode(dict(kwargs), blobs, _keep),
                  "sync": mirror_ref[0].changes(blobs) if mirror_ref[0] else []}
        send(header, blobs)
        reply, rblobs = receive()
        if not reply.get("ok"):
            raise RuntimeError(f"the grader's function raised: {reply.get('message', '?')}")
        return _decode(reply["result"], rblobs)
    return call_grader


def _target(req):
    if "handle" in req:
        obj = HANDLES[req["handle"]]
        return getattr(obj, req["name"]), False
    return getattr(MODULE, req["name"]), req["name"].endswith("_forward")


def _result(value, returns_cache, blobs):
    if returns_cache and type(value) is tuple and value:
        *rest, cache = value
        return {"t": [wire.encode(v, blobs, _keep) for v in rest] + [_keep(cache)]}
    return wire.encode(value, blobs, _keep)


def handle(req, blobs):
    op = req["op"]
    errstate = req.get("errstate") or {}
    if op in ("call", "call_many"):
        mirror_ref = [None]
        callbacks = lambda c: _callback_function(c, mirror_ref)  # noqa: E731
        fn, returns_cache = _target(req)
        out_blobs = []
        if op == "call":
            args = _decode(req["args"], blobs, callbacks)
            kwargs = _decode(req["kwargs"], blobs, callbacks)
            mirror_ref[0] = Mirror(args, kwargs)
            with np.errstate(**errstate):
                value = fn(*args, **kwargs)
            header = {"ok": True, "result": _result(value, returns_cache, out_blobs)}
            header["sync"] = mirror_ref[0].changes(out_blobs)
            return header, out_blobs
        pick = req.get("pick")
        calls = _decode(req["calls"], blobs, callbacks)
        results = []
        with np.errstate(**errstate):
            for args, kwargs in calls:
                value = fn(*args, **kwargs)
                results.append(value[pick] if pick is not None else value)
        return {"ok": True, "result": wire.encode(results, out_blobs, _keep), "sync": []}, out_blobs
    if op == "perturb":
        return _perturb(req, blobs)
    if op == "param_sweep":
        return _param_sweep(req, blobs)
    if op == "getattr":
        value = getattr(HANDLES[req["handle"]], req["name"])
        if callable(value) and not isinstance(value, (np.ndarray, np.generic)):
            return {"ok": True, "callable": True}, []
        out_blobs = []
        return {"ok": True, "result": wire.encode(value, out_blobs, _keep)}, out_blobs
    if op == "setattr":
        setattr(HANDLES[req["handle"]], req["name"], _decode(req["value"], blobs))
        return {"ok": True, "result": None}, []
    if op == "fill":
        container = getattr(HANDLES[req["handle"]], req["attr"])
        for k, v in _decode(req["values"], blobs).items():
            container[k][...] = v
        return {"ok": True, "result": None}, []
    if op == "release":
        for h in req["handles"]:
            HANDLES.pop(h, None)
        return {"ok": True, "result": None}, []
    raise ValueError(f"unknown request {op!r}")


def _perturb(req, blobs):
    """Gradient checks: call the target with args[wrt] +/- h at each entry in turn.

    Every call gets fresh copies of all arguments, as if each had been sent on its own.
    The picked outputs come back stacked into one array when they allow it (one blob).
    """
    fn, _ = _target(req)
    args = list(_decode(req["args"], blobs))
    kwargs = _decode(req["kwargs"], blobs)
    wrt, h, pick = req["wrt"], req["h"], req.get("pick")
    x = args[wrt]
    if type(x) is not np.ndarray:
        raise TypeError("perturb: the argument to differentiate is not an array")
    outs = []
    with np.errstate(**(req.get("errstate") or {})):
        for i in range(x.size):
            for sign in (1, -1):
                xp = x.copy()
                xp.flat[i] += sign * h
                a = [xp if j == wrt else _snapshot(v) for j, v in enumerate(args)]
                value = fn(*a, **_snapshot(kwargs))
                outs.append(value[pick] if pick is not None else value)
    out_blobs = []
    first = outs[0] if outs else None
    if outs and all(type(o) is np.ndarray and o.shape == first.shape and o.dtype == first.dtype for o in outs) \
            and first.dtype.kind in wire._NUMERIC_KINDS and first.dtype.fields is None:
        return {"ok": True, "stacked": True, "result": wire.encode(np.stack(outs), out_blobs)}, out_blobs
    return {"ok": True, "result": wire.encode(outs, out_blobs, _keep)}, out_blobs


def _param_sweep(req, blobs):
    """Object gradient checks: for each entry of obj.<attr>[key], set it to value +/- h and call
    obj.<method>(*args); the parameters get their values back at the end."""
    obj = HANDLES[req["handle"]]
    args = _decode(req["args"], blobs)
    values = _decode(req["values"], blobs)
    h = req["h"]
    outs = []
    with np.errstate(**(req.get("errstate") or {})):
        for key, value in values.items():
            p = value.copy()
            try:
                for i in range(value.size):
                    for sign in (1, -1):
                        p.flat[i] = value.flat[i] + sign * h
                        getattr(obj, req["attr"])[key][...] = p
                        outs.append(getattr(obj, req["method"])(*args))
                    p.flat[i] = value.flat[i]
            finally:
                getattr(obj, req["attr"])[key][...] = value
    out_blobs = []
    return {"ok": True, "result": wire.encode(outs, out_blobs, _keep)}, out_blobs


def main():
    global MODULE
    import importlib.util
    try:
        spec = importlib.util.spec_from_file_location(MODULE_NAME, MODULE_PATH)
        MODULE = importlib.util.module_from_spec(spec)
        sys.modules[MODULE_NAME] = MODULE
        spec.loader.exec_module(MODULE)
    except BaseException as e:  # noqa: B036 - report anything, even SystemExit, as an import failure
        send({"ok": False, "ready": False, "error": _error(e)})
        return
    send({"ok": True, "ready": True})
    while True:
        try:
            req, blobs = receive()
        except EOFError:
            return
        try:
            header, out = handle(req, blobs)
        except BaseException as e:  # noqa: B036 - the student's exception, reported as data
            header, out = {"ok": False, "error": _error(e)}, []
        header["id"] = req.get("id")
        send(header, out)


if __name__ == "__main__":
    MODULE = None
    main()
