"""The wire between the trusted grader and the sandboxed worker: plain data only.

A message is ``<u64 length><u32 header length><u32 blob count><header JSON>`` followed by
``<u64 blob length><blob>`` for each blob. Values inside the header are JSON
scalars or one-key objects:

    {"l": [...]}  list          {"t": [...]}  tuple          {"d": [[k, v], ...]}  dict (str keys)
    {"a": [i, dtype, shape, fortran]}  ndarray, blob i is its raw bytes ("<f8", [2, 3], false)
    {"s": [i, dtype, [], false]}       numpy scalar, as a 0-d array
    {"h": n}      an opaque handle to an object living in the worker
    {"cb": n}     a function of the trusted side the worker may call back

This module is imported by both sides and by the worker inside the sandbox, so it
depends on nothing but the standard library and numpy. The trusted side decodes
with checks before any array is built: numeric dtype from a short whitelist
pattern, exact byte count, size cap. Nothing is ever unpickled.
"""

from __future__ import annotations

import json
import math
import re
import struct

import numpy as np

MAX_DEPTH = 32
MAX_NODES = 200_000
_HEAD = struct.Struct("<II")
_LEN = struct.Struct("<Q")
_SCALAR_TYPES = (np.bool_, np.integer, np.floating, np.complexfloating)
_NUMERIC_KINDS = "biufc"


class WireError(ValueError):
    """Malformed or disallowed data on the wire."""


class Handle:
    """An object that lives in the worker, known to the trusted side only by number."""

    __slots__ = ("id", "generation")

    def __init__(self, id: int, generation: int = 0):
        self.id, self.generation = id, generation

    def __repr__(self):
        return f"<object in the sandbox #{self.id}>"


class Callback:
    __slots__ = ("id",)

    def __init__(self, id: int):
        self.id = id


# -- arrays ---------------------------------------------------------------------
# An array travels as its raw bytes (one blob) plus [blob, dtype, shape, fortran] in the
# header. Raw bytes instead of .npy: the header parse of .npy (ast.literal_eval) cost
# ~40 us per array, and gradient checks send thousands.

_DTYPE = re.compile(r"[<>|=][biufc][0-9]{1,2}\Z")


def array_node(arr: np.ndarray, blobs: list, tag: str = "a") -> dict:
    fortran = bool(arr.ndim > 1 and arr.flags.f_contiguous and not arr.flags.c_contiguous)
    blobs.append(arr.tobytes(order="F" if fortran else "C"))
    return {tag: [len(blobs) - 1, arr.dtype.str, list(arr.shape), fortran]}


def array_from_bytes(blob: bytes, dtype: str, shape, fortran: bool, max_bytes: int) -> np.ndarray:
    """Rebuild an array, checking dtype, shape and size before allocating anything."""
    if type(dtype) is not str or not _DTYPE.match(dtype):
        raise WireError(f"arrays must have a numeric dtype, got {str(dtype)[:40]!r}")
    try:
        dt = np.dtype(dtype)
    except TypeError:
        raise WireError(f"unknown dtype {dtype!r}") from None
    if dt.hasobject or dt.fields is not None or dt.subdtype is not None or dt.kind not in _NUMERIC_KINDS:
        raise WireError(f"arrays must have a numeric dtype, got {dt}")
    if type(shape) is not list or len(shape) > 32 or not all(type(n) is int and n >= 0 for n in shape):
        raise WireError(f"bad array shape {str(shape)[:80]}")
    if type(fortran) is not bool:
        raise WireError("bad array order flag")
    count = math.prod(shape)
    nbytes = count * dt.itemsize
    if nbytes > max_bytes:
        raise WireError(f"array of {nbytes} bytes exceeds the limit of {max_bytes}")
    if len(blob) != nbytes:
        raise WireError(f"array body is {len(blob)} bytes, header says {nbytes}")
    arr = np.frombuffer(blob, dtype=dt, count=count)
    return arr.reshape(shape, order="F" if fortran else "C").copy(order="K")


# -- values -----------------------------------------------------------------------

def encode(value, blobs: list, on_other=None, depth: int = 0):
    """JSON-able form of ``value``; arrays go to ``blobs``.

    ``on_other(value)`` turns anything that is not plain data into a node (the
    worker makes handles; the trusted side makes callbacks or refuses).
    """
    if depth > MAX_DEPTH:
        raise WireError("data nested too deeply")
    t = type(value)
    if value is None or t is bool or t is int or t is str:
        return value
    if t is float:
        return value if math.isfinite(value) else {"f": repr(value)}
    if t is np.ndarray and value.dtype.kind in _NUMERIC_KINDS and value.dtype.fields is None:
        return array_node(value, blobs)
    if isinstance(value, _SCALAR_TYPES) and t.__module__ == "numpy":
        return array_node(np.asarray(value), blobs, "s")
    if t is list:
        return {"l": [encode(v, blobs, on_other, depth + 1) for v in value]}
    if t is tuple:
        return {"t": [encode(v, blobs, on_other, depth + 1) for v in value]}
    if t is dict and all(type(k) is str for k in value):
        return {"d": [[k, encode(v, blobs, on_other, depth + 1)] for k, v in value.items()]}
    if on_other is None:
        raise WireError(f"not plain data: {t.__name__}")
    return on_other(value)


def decode(node, blobs: list, *, max_bytes: int = 1 << 30, on_handle=None, on_callback=None):
    """Inverse of :func:`encode`, validating as it goes."""
    budget = [MAX_NODES]

    def walk(n, depth):
        budget[0] -= 1
        if budget[0] < 0 or depth > MAX_DEPTH:
            raise WireError("data too large or nested too deeply")
        t = type(n)
        if n is None or t is bool or t is int or t is str or t is float:
            return n
        if t is dict and len(n) == 1:
            (tag, v), = n.items()
            if tag == "l" and type(v) is list:
                return [walk(x, depth + 1) for x in v]
            if tag == "t" and type(v) is list:
                return tuple(walk(x, depth + 1) for x in v)
            if tag == "d" and type(v) is list:
                out = {}
                for pair in v:
                    if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
                        raise WireError("bad dict entry")
                    out[pair[0]] = walk(pair[1], depth + 1)
                return out
            if tag in ("a", "s") and type(v) is list and len(v) == 4 and type(v[0]) is int \
                    and 0 <= v[0] < len(blobs):
                arr = array_from_bytes(blobs[v[0]], v[1], v[2], v[3], max_bytes)
                if tag == "a":
                    return arr
                if arr.ndim != 0:
                    raise WireError("numpy scalar with a shape")
                return arr[()]
            if tag == "f" and v in ("nan", "inf", "-inf"):
                return float(v)
            if tag == "h" and type(v) is int and on_handle is not None:
                return on_handle(v)
            if tag == "cb" and type(v) is int and on_callback is not None:
                return on_callback(v)
        raise WireError(f"unexpected value on the wire: {str(n)[:80]}")

    return walk(node, 0)


# -- framing ----------------------------------------------------------------------

def pack(header: dict, blobs: list) -> bytes:
    head = json.dumps(header, allow_nan=False, separators=(",", ":")).encode()
    parts = [_HEAD.pack(len(head), len(blobs)), head]
    for b in blobs:
        parts += [_LEN.pack(len(b)), b]
    body = b"".join(parts)
    return _LEN.pack(len(body)) + body


def unpack(body: bytes) -> tuple[dict, list]:
    """Split a message body (without its length prefix) into header and blobs."""
    try:
        hlen, nblobs = _HEAD.unpack_from(body, 0)
        pos = _HEAD.size
        header = json.loads(body[pos:pos + hlen])
        pos += hlen
        blobs = []
        for _ in range(nblobs):
            (n,) = _LEN.unpack_from(body, pos)
            pos += _LEN.size
            if pos + n > len(body):
                raise WireError("truncated blob")
            blobs.append(body[pos:pos + n])
            pos += n
    except WireError:
        raise
    except Exception as e:
        raise WireError(f"malformed message: {e}") from None
    if type(header) is not dict:
        raise WireError("message header is not an object")
    return header, blobs
