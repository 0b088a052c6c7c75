# HOSTILE: writes forged answers straight into the grader's pipe: a pickle-bearing .npy, a header claiming
# 16 GB, an oversized message, and fake arrays on fds 3-19, then exits (cases 5, 6, 11).
# base: stub
# expect: score == 0
# status: error
# message: does not accept
import io as _io
import json as _json
import os as _os
import struct as _struct
import sys as _sys

import numpy as _np


def _frame(header, blobs):
    head = _json.dumps(header).encode()
    body = _struct.pack("<II", len(head), len(blobs)) + head
    for b in blobs:
        body += _struct.pack("<Q", len(b)) + b
    return _struct.pack("<Q", len(body)) + body


def _pickled():
    buf = _io.BytesIO()
    _np.save(buf, _np.array([{"os": "system"}], dtype=object), allow_pickle=True)
    return buf.getvalue()


def _huge():
    head = repr({"descr": "<f8", "fortran_order": False, "shape": (2_000_000_000,)}).encode()
    head += b" " * (-(len(head) + 11) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + _struct.pack("<H", len(head)) + head + b"\0" * 64


_calls = [0]


def _attack(*args, **kwargs):
    _calls[0] += 1
    fd = int(_sys.argv[5])
    kind = _calls[0] % 4
    if kind == 0:
        _os.write(fd, _frame({"ok": True, "result": {"a": 0}, "id": _calls[0]}, [_pickled()]))
    elif kind == 1:
        _os.write(fd, _frame({"ok": True, "result": {"a": 0}, "id": _calls[0]}, [_huge()]))
    elif kind == 2:
        _os.write(fd, _struct.pack("<Q", 1 << 40))
    else:
        for n in range(3, 20):
            try:
                _buf = _io.BytesIO()
                _np.save(_buf, _np.zeros(4))
                _os.write(n, _frame({"ok": True, "result": {"a": 0}, "id": _calls[0]}, [_buf.getvalue()]))
            except OSError:
                pass
        _os._exit(0)
    _os._exit(0)
# --- AFTER ---
for _name, _f in list(globals().items()):
    if callable(_f) and getattr(_f, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = _attack
