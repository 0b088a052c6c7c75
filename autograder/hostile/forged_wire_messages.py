# HOSTILE: writes forged answers straight into the grader's pipe: a pickle sent as an object-dtype array, a header
# claiming 16 GB, an oversized message, and fake arrays on fds 3-19, then exits (cases 5, 6, 11).
# base: stub
# expect: score == 0
# status: error
# message: does not accept
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
    # An array node claiming an object dtype, with a pickle as its bytes.
    import pickle as _pickle
    return {"a": [0, "|O8", [1], False]}, _pickle.dumps({"os": "system"})


def _huge():
    # An array node claiming 2e9 float64 (16 GB), with a 64-byte body.
    return {"a": [0, "<f8", [2_000_000_000], False]}, b"\0" * 64


_calls = [0]


def _attack(*args, **kwargs):
    _calls[0] += 1
    fd = int(_sys.argv[5])
    kind = _calls[0] % 4
    if kind in (0, 1):
        node, blob = _pickled() if kind == 0 else _huge()
        _os.write(fd, _frame({"ok": True, "result": node, "id": _calls[0]}, [blob]))
    elif kind == 2:
        _os.write(fd, _struct.pack("<Q", 1 << 40))
    else:
        for n in range(3, 20):
            try:
                _os.write(n, _frame({"ok": True, "result": {"a": [0, "<f8", [4], False]}, "id": _calls[0]},
                                    [_np.zeros(4).tobytes()]))
            except OSError:
                pass
        _os._exit(0)
    _os._exit(0)
# --- AFTER ---
for _name, _f in list(globals().items()):
    if callable(_f) and getattr(_f, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = _attack
