"""The wire between the trusted grader and the sandboxed worker: plain data only.

A message is ``<u64 length><u32 header length><u32 blob count><header JSON>`` followed by
``<u64 blob length><blob>`` for each blob. Values inside the header are JSON
scalars or one-key objects:

    {"l": [...]}  list          {"t": [...]}  tuple          {"d": [[k, v], ...]}  dict (str keys)
    {"a": i}      ndarray, blob i is its .npy bytes
    {"s": i}      numpy scalar, blob i is a 0-d .npy
    {"h": n}      an opaque handle to an object living in the worker
    {"cb": n}     a function of the trusted side the worker may call back

This module is imported by both sides and by the worker inside the sandbox, so it
depends on nothing but the standard library and numpy. The trusted side decodes
with ``strict=True``: .npy headers are checked (numeric dtype, exact byte count,
size cap) before any array is built, and ``allow_pickle`` is never used.
"""

from __future__ import annotations

import io
import json
import math
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

def array_to_npy(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, arr, allow_pickle=False)
    return buf.getvalue()


def npy_to_array(blob: bytes, max_bytes: int) -> np.ndarray:
    """Parse .npy bytes, checking the header before allocating anything."""
    fp = io.BytesIO(blob)
    try:
        version = np.lib.format.read_magic(fp)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(fp, max_header_size=10_000)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(fp, max_header_size=10_000)
        else:
            raise WireError(f"unsupported .npy version {version}")
    except WireError:
        raise
    except Exception as e:
        raise WireError(f"bad .npy header: {e}") from None
    if dtype.hasobject or dtype.fields is not None or dtype.subdtype is not None or dtype.kind not in _NUMERIC_KINDS:
        raise WireError(f"arrays must have a numeric dtype, got {dtype}")
    if not all(isinstance(n, int) and n >= 0 for n in shape) or len(shape) > 32:
        raise WireError(f"bad array shape {shape!r}")
    count = math.prod(shape)
    nbytes = count * dtype.itemsize
    if nbytes > max_bytes:
        raise WireError(f"array of {nbytes} bytes exceeds the limit of {max_bytes}")
    offset = fp.tell()
    if len(blob) - offset != nbytes:
        raise WireError(f"array body is {len(blob) - offset} bytes, header says {nbytes}")
    arr = np.frombuffer(blob, dtype=dtype, count=count, offset=offset)
    return arr.reshape(shape, order="F" if fortran else "C").copy()


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
        blobs.append(array_to_npy(value))
        return {"a": len(blobs) - 1}
    if isinstance(value, _SCALAR_TYPES) and t.__module__ == "numpy":
        blobs.append(array_to_npy(np.asarray(value)))
        return {"s": len(blobs) - 1}
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
            if tag in ("a", "s") and type(v) is int and 0 <= v < len(blobs):
                arr = npy_to_array(blobs[v], max_bytes)
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
