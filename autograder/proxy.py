"""The trusted side of the worker: a session per submission and the proxies tests call.

``WorkerSession`` owns one sandboxed worker process for one submission: it
starts it through a sandbox backend, sends requests, enforces a wall-clock
deadline per call and a budget per submission, drains and caps the worker's
output, and restarts it after a crash or a timeout.

``RemoteModule`` is what a test's ``student`` fixture is under ``dlkit grade``:
``student.conv_forward(x, w, b)`` becomes a request; the answer comes back as
plain data (see :mod:`autograder.wire`), objects as :class:`RemoteObject`.
"""

from __future__ import annotations

import builtins
import os
import select
import shutil
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from autograder import wire
from autograder.errors import (BadResult, BudgetExceeded, ImportFailed, StudentCrashed, StudentTimeout,
                               remote_exception)

WORKER_FILES = [Path(__file__).with_name("worker_main.py"), Path(__file__).with_name("wire.py")]
NUMPY_SITE = str(Path(np.__file__).resolve().parent.parent)


class Limits:
    """Resource limits of one worker (seconds, bytes)."""

    def __init__(self, call_timeout=10.0, submission_budget=60.0, import_timeout=10.0, cpu_seconds=60,
                 memory_bytes=1 << 30, file_bytes=16 << 20, open_files=64, processes=64,
                 output_bytes=64 << 10, result_bytes=256 << 20, max_restarts=8):
        self.call_timeout = call_timeout
        self.submission_budget = submission_budget
        self.import_timeout = import_timeout
        self.cpu_seconds = cpu_seconds
        self.memory_bytes = memory_bytes
        self.file_bytes = file_bytes
        self.open_files = open_files
        self.processes = processes
        self.output_bytes = output_bytes
        self.result_bytes = result_bytes
        self.max_restarts = max_restarts


class OutputDrain(threading.Thread):
    """Reads the worker's stdout/stderr, keeps the first ``cap`` bytes, counts the rest."""

    def __init__(self, fd: int, cap: int):
        super().__init__(daemon=True)
        self.fd, self.cap = fd, cap
        self.kept = bytearray()
        self.dropped = 0

    def run(self):
        try:
            while True:
                b = os.read(self.fd, 65536)
                if not b:
                    break
                room = self.cap - len(self.kept)
                self.kept += b[:max(room, 0)]
                self.dropped += max(len(b) - max(room, 0), 0)
        except OSError:
            pass
        finally:
            os.close(self.fd)

    def text(self) -> str:
        s = self.kept.decode("utf-8", "replace")
        return s + (f"\n... ({self.dropped} more bytes of output dropped)" if self.dropped else "")


class WorkerSession:
    """One submission's worker: started lazily, restarted after crashes, killed at the end."""

    def __init__(self, module_file: Path, module_name: str, backend, limits: Limits | None = None, slot: int = 0):
        self.module_file = Path(module_file)
        self.module_name = module_name
        self.backend = backend
        self.limits = limits or Limits()
        self.slot = slot
        self.proc = None
        self.generation = 0
        self.restarts = 0
        self.used = 0.0
        self.outputs: list[str] = []
        self.import_error: str | None = None
        self._seq = 0
        self._dir = None
        self.fatal: Exception | None = None  # an import failure: every later call fails the same way

    # -- lifecycle ---------------------------------------------------------------
    def _start(self):
        if self.restarts > self.limits.max_restarts:
            raise StudentCrashed(f"the submission crashed or timed out {self.restarts} times; remaining tests are not run")
        self._dir = Path(tempfile.mkdtemp(prefix="dlkit-worker-"))
        os.chmod(self._dir, 0o755)
        code_dir = self._dir / "code"
        code_dir.mkdir()
        for f in WORKER_FILES:
            shutil.copy2(f, code_dir / f.name)
        shutil.copy2(self.module_file, code_dir / f"{self.module_name}.py")
        for p in code_dir.iterdir():
            os.chmod(p, 0o644)
        os.chmod(code_dir, 0o755)
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        out_r, out_w = os.pipe()
        try:
            self.proc = self.backend.spawn(code_dir, self.module_name, req_r, resp_w, out_w, self.limits, self.slot)
        finally:
            for fd in (req_r, resp_w, out_w):
                os.close(fd)
        self._req, self._resp = req_w, resp_r
        self._drain = OutputDrain(out_r, self.limits.output_bytes)
        self._drain.start()
        self._buf = bytearray()
        self.generation += 1
        t0 = time.monotonic()
        try:
            hello, _ = self._read(self.limits.import_timeout, what="importing your module")
        finally:
            self.used += time.monotonic() - t0
        if not hello.get("ready"):
            err = hello.get("error") or {}
            self.import_error = f"{err.get('type', 'Error')}: {err.get('message', '')}\n{err.get('traceback', '')}".strip()
            if err.get("type") == "ModuleNotFoundError":
                self.import_error += "\n(the grader provides only numpy and the Python standard library)"
            self.close()
            raise ImportFailed(f"importing {self.module_name}.py failed: {self.import_error}")

    def close(self):
        """Kill the worker and everything it started; remove its directory."""
        if self.proc is not None:
            self.backend.kill(self.proc)
            for fd in (self._req, self._resp):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._drain.join(timeout=2)
            self.outputs.append(self._drain.text())
            self.proc = None
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def output(self) -> str:
        live = [self._drain.text()] if self.proc is not None else []
        return "\n".join(t for t in self.outputs + live if t)

    # -- transport -------------------------------------------------------------
    def _read(self, timeout: float, what: str):
        deadline = time.monotonic() + timeout
        need = None
        while True:
            if need is None and len(self._buf) >= 8:
                (need,) = wire._LEN.unpack(self._buf[:8])
                if need > self.limits.result_bytes:
                    self._fail_worker()
                    raise BadResult(f"the result is {need} bytes, more than the limit of {self.limits.result_bytes}")
            if need is not None and len(self._buf) >= 8 + need:
                body = bytes(self._buf[8:8 + need])
                del self._buf[:8 + need]
                try:
                    return wire.unpack(body)
                except wire.WireError as e:
                    self._fail_worker()
                    raise BadResult(f"the worker sent malformed data: {e}") from None
            left = deadline - time.monotonic()
            if left <= 0:
                self._fail_worker()
                raise StudentTimeout(f"timed out after {timeout:g} s while {what}")
            ready, _, _ = select.select([self._resp], [], [], left)
            if ready:
                chunk = os.read(self._resp, 1 << 20)
                if not chunk:
                    code = self._fail_worker(exited=True)
                    tail = self.output().strip().splitlines()[-5:]
                    raise StudentCrashed(f"the worker process died while {what} ({code})"
                                         + ("; last output:\n" + "\n".join(tail) if tail else ""))
                self._buf += chunk

    def _fail_worker(self, exited: bool = False) -> str:
        """Kill the worker (after a short wait if it is already exiting) and say how it ended."""
        proc = self.proc
        if exited and proc is not None:
            try:
                proc.wait(timeout=1.0)
            except Exception:
                pass
        self.restarts += 1
        self.close()
        return self.backend.describe_exit(proc) if proc is not None else "not running"

    def request(self, header: dict, blobs: list, what: str, callbacks=None, mirror=None):
        """Send a request and wait for its answer, serving callbacks meanwhile."""
        if self.fatal is not None:
            raise type(self.fatal)(str(self.fatal))
        if self.used >= self.limits.submission_budget:
            raise BudgetExceeded(f"the submission used up its time budget of {self.limits.submission_budget:g} s")
        if self.proc is None:
            try:
                self._start()
            except (ImportFailed, StudentTimeout, StudentCrashed) as e:
                if self.generation <= 1 or isinstance(e, ImportFailed):
                    self.fatal = e if isinstance(e, ImportFailed) else ImportFailed(f"importing the module failed: {e}")
                    raise self.fatal from None
                raise
        self._seq += 1
        header["id"] = self._seq
        t0 = time.monotonic()
        try:
            self._send(header, blobs)
            budget_left = self.limits.submission_budget - self.used
            deadline = time.monotonic() + min(self.limits.call_timeout, budget_left)
            while True:
                reply, rblobs = self._read(max(deadline - time.monotonic(), 0), what)
                if reply.get("op") == "callback":
                    self._serve_callback(reply, rblobs, callbacks or {}, mirror)
                    continue
                if reply.get("id") != self._seq:
                    self._fail_worker()
                    raise BadResult("the worker answered out of turn (something wrote to the grader's pipe)")
                return reply, rblobs
        finally:
            self.used += time.monotonic() - t0

    def _send(self, header, blobs):
        data = wire.pack(header, blobs)
        view = memoryview(data)
        while view:
            try:
                n = os.write(self._req, view)
            except (BrokenPipeError, OSError):
                code = self._fail_worker()
                raise StudentCrashed(f"the worker process died ({code})") from None
            view = view[n:]

    def _serve_callback(self, reply, blobs, callbacks, mirror):
        try:
            sync = reply.get("sync") or []
            if mirror is not None and sync:
                mirror.apply(sync, self.decode({"l": [s[1] for s in sync]}, blobs))
            fn = callbacks[reply["cb"]]
            args = self.decode(reply["args"], blobs)
            kwargs = self.decode(reply["kwargs"], blobs)
            result = fn(*args, **kwargs)
            out = []
            header = {"ok": True, "result": wire.encode(result, out)}
        except Exception as e:  # a bad callback id, non-data arguments, or the grader's function failing
            header, out = {"ok": False, "message": f"{type(e).__name__}: {e}"}, []
        self._send(header, out)

    def decode(self, node, blobs):
        gen = self.generation
        return wire.decode(node, blobs, max_bytes=self.limits.result_bytes,
                           on_handle=lambda h: Handle(h, gen))

    # -- high-level calls -----------------------------------------------------------
    def call(self, target: dict, args, kwargs, what: str):
        blobs, callbacks = [], {}

        def as_callback(v):
            if isinstance(v, Handle):
                return self._handle_node(v)
            if isinstance(v, RemoteObject):
                return self._handle_node(v._handle)
            if callable(v):
                callbacks[len(callbacks) + 1] = v
                return {"cb": len(callbacks)}
            raise wire.WireError(f"cannot send {type(v).__name__} to the student's code")

        header = dict(target, op="call", errstate=np.geterr(),
                      args=wire.encode(tuple(args), blobs, as_callback),
                      kwargs=wire.encode(dict(kwargs), blobs, as_callback))
        mirror = Mirror(args, kwargs)
        reply, rblobs = self.request(header, blobs, what, callbacks, mirror)
        result = self._unwrap(reply, rblobs, what)
        sync = reply.get("sync") or []
        if sync:
            mirror.apply(sync, self.decode({"l": [s[1] for s in sync]}, rblobs))
        return result

    def _object_node(self, v):
        """Batched requests may carry student objects (as handles), but no callbacks."""
        return self._handle_node(v._handle if isinstance(v, RemoteObject) else v)

    def call_many(self, target: dict, calls, pick, what: str):
        blobs = []
        encoded = wire.encode([(tuple(a), dict(k)) for a, k in calls], blobs, self._object_node)
        header = dict(target, op="call_many", errstate=np.geterr(), calls=encoded, pick=pick)
        reply, rblobs = self.request(header, blobs, what)
        return self._unwrap(reply, rblobs, what)

    def perturb(self, target: dict, args, kwargs, wrt: int, h: float, pick, what: str):
        """The outputs of ``fn`` at ``args[wrt] +/- h`` per entry, built by the worker (gradient checks)."""
        blobs = []
        header = dict(target, op="perturb", errstate=np.geterr(), wrt=wrt, h=float(h), pick=pick,
                      args=wire.encode(tuple(args), blobs, self._object_node),
                      kwargs=wire.encode(dict(kwargs), blobs, self._object_node))
        reply, rblobs = self.request(header, blobs, what)
        result = self._unwrap(reply, rblobs, what)
        if reply.get("stacked") and type(result) is np.ndarray and result.ndim > 0:
            result = list(result)
        return _results_list(result, 2 * int(np.size(args[wrt])), what)

    def param_sweep(self, handle: Handle, attr: str, method: str, args, values: dict, h: float, what: str):
        """``obj.<method>(*args)`` with each entry of ``obj.<attr>[key]`` moved by +/- h in turn."""
        blobs = []
        header = {"op": "param_sweep", "handle": self._handle_node(handle)["h"], "attr": attr, "method": method,
                  "errstate": np.geterr(), "h": float(h),
                  "args": wire.encode(tuple(args), blobs), "values": wire.encode(dict(values), blobs)}
        reply, rblobs = self.request(header, blobs, what)
        result = self._unwrap(reply, rblobs, what)
        return _results_list(result, 2 * sum(int(np.size(v)) for v in values.values()), what)

    def simple(self, header: dict, what: str, blobs=None):
        reply, rblobs = self.request(header, blobs or [], what)
        if reply.get("callable"):
            return _CALLABLE
        return self._unwrap(reply, rblobs, what)

    def _handle_node(self, h):
        if not isinstance(h, Handle):
            raise wire.WireError(f"cannot send {type(h).__name__} to the student's code")
        if h.generation != self.generation:
            raise StudentCrashed("this object was lost when the worker restarted after a crash or timeout")
        return {"h": h.id}

    def _unwrap(self, reply, rblobs, what):
        if reply.get("ok"):
            try:
                return self.decode(reply.get("result"), rblobs)
            except wire.WireError as e:
                raise BadResult(f"{what} returned data the grader does not accept: {e}") from None
        err = reply.get("error") or {}
        base = next((getattr(builtins, n) for n in err.get("mro", []) if
                     isinstance(getattr(builtins, n, None), type) and issubclass(getattr(builtins, n), BaseException)
                     and n not in ("BaseException",)), Exception)
        if not issubclass(base, Exception):  # SystemExit, KeyboardInterrupt, GeneratorExit: never re-raise those
            base = RuntimeError
        raise remote_exception(base, str(err.get("type", "Exception")), str(err.get("message", "")),
                               str(err.get("traceback", "")))


def _results_list(result, n: int, what: str) -> list:
    """A batched answer must be a list of exactly ``n`` results, one per call asked for."""
    if type(result) is not list or len(result) != n:
        raise BadResult(f"{what} returned data the grader does not accept: wrong number of results")
    return result


_CALLABLE = object()
Handle = wire.Handle


class Mirror:
    """Applies the worker's report of in-place changes to the caller's own arguments."""

    def __init__(self, args, kwargs):
        self.slots = dict(enumerate(args))
        self.slots.update(kwargs)

    def apply(self, sync, values):
        for (key, _), new in zip(sync, values):
            key = int(key) if isinstance(key, int) else key
            if key in self.slots:
                _copy_into(self.slots[key], new)


def _copy_into(orig, new):
    if type(orig) is np.ndarray and type(new) is np.ndarray:
        if orig.shape == new.shape and orig.flags.writeable:
            np.copyto(orig, new, casting="unsafe")
    elif type(orig) is dict and type(new) is dict:
        for k in list(orig):
            if k not in new:
                del orig[k]
        for k, v in new.items():
            if k in orig and type(orig[k]) is np.ndarray and type(v) is np.ndarray and orig[k].shape == v.shape \
                    and orig[k].dtype == v.dtype:
                np.copyto(orig[k], v)
            else:
                orig[k] = v
    elif type(orig) is list and type(new) is list:
        orig[:] = new


class RemoteFunction:
    """A student function living in the worker."""

    def __init__(self, session: WorkerSession, target: dict, label: str):
        self._session, self._target, self.__name__ = session, target, label

    def __call__(self, *args, **kwargs):
        return _wrap(self._session, self._session.call(self._target, args, kwargs, f"calling {self.__name__}"))

    def call_many(self, calls, pick=None):
        """Many calls in one round trip (gradient checks); in-place changes are not mirrored."""
        return _wrap(self._session, self._session.call_many(self._target, calls, pick, f"calling {self.__name__}"))

    def perturbed(self, args, kwargs, wrt, h, pick=None):
        """Outputs at ``args[wrt] +/- h`` for each entry, computed in one round trip (see gradcheck)."""
        return _wrap(self._session, self._session.perturb(self._target, args, kwargs, wrt, h, pick,
                                                          f"calling {self.__name__}"))

    def __repr__(self):
        return f"<student function {self.__name__} (sandboxed)>"


class RemoteObject:
    """A student object (a layer, an optimizer, a network) living in the worker."""

    dlkit_type_name = "an object that is not plain data (not an exact numpy array, number, tuple, list or dict)"

    def __init__(self, session: WorkerSession, handle: Handle):
        object.__setattr__(self, "_session", session)
        object.__setattr__(self, "_handle", handle)
        object.__setattr__(self, "_methods", set())  # names known to be methods: saves a round trip per call

    def _node(self):
        return self._session._handle_node(self._handle)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        # The call itself is still resolved by name in the worker, so a replaced method is the one called.
        if name in self._methods:
            self._node()
            return RemoteFunction(self._session, {"handle": self._handle.id, "name": name}, name)
        value = self._session.simple({"op": "getattr", "handle": self._node()["h"], "name": name},
                                     f"reading .{name}")
        if value is _CALLABLE:
            self._methods.add(name)
            return RemoteFunction(self._session, {"handle": self._handle.id, "name": name}, name)
        return _wrap(self._session, value)

    def __setattr__(self, name, value):
        blobs = []
        node = wire.encode(value, blobs)
        self._session.simple({"op": "setattr", "handle": self._node()["h"], "name": name, "value": node},
                             f"setting .{name}", blobs)

    def _dlkit_fill_items(self, attr, values):
        blobs = []
        node = wire.encode(dict(values), blobs)
        self._session.simple({"op": "fill", "handle": self._node()["h"], "attr": attr, "values": node},
                             f"setting .{attr}", blobs)

    def _dlkit_param_sweep(self, attr, method, args, values, h):
        """Values of ``self.<method>(*args)`` with each entry of ``self.<attr>[key]`` at value +/- h, in
        order (key, entry, +/-); the parameters get ``values`` back at the end. One round trip."""
        return _wrap(self._session, self._session.param_sweep(self._handle, attr, method, args, values, h,
                                                              f"calling .{method}"))

    def __repr__(self):
        return f"<student object #{self._handle.id} (sandboxed)>"


def _wrap(session, value):
    """Handles for instances become RemoteObjects; caches (inside tuples) stay bare handles."""
    if isinstance(value, Handle):
        return RemoteObject(session, value)
    if type(value) is list:
        return [_wrap(session, v) for v in value]
    return value


class RemoteModule:
    """The ``student`` fixture under ``dlkit grade``: attribute access yields remote functions."""

    def __init__(self, session: WorkerSession):
        self._session = session

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return RemoteFunction(self._session, {"name": name}, name)

    def __repr__(self):
        return f"<student module {self._session.module_name} (sandboxed)>"
