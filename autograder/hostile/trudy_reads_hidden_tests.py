# HOSTILE: hunts the disk for the reference solution and hidden tests, and runs the reference if found (case 9).
# base: stub
# expect: score == 0
import os as _os
import time as _time


def _hunt(name, roots=("/work", "/root", "/home", "/srv", "/opt", "/tmp"), depth=5, seconds=2.0):
    t0 = _time.monotonic()
    for root in roots:
        for dirpath, dirs, files in _os.walk(root):
            if _time.monotonic() - t0 > seconds or dirpath.count(_os.sep) - root.count(_os.sep) >= depth:
                dirs[:] = []
                continue
            if "solutions" in dirpath.split(_os.sep) and name in files:
                return _os.path.join(dirpath, name)
    return None


_found = _hunt(_os.path.basename(__file__))
if _found:
    print("found the reference at", _found)
    _src = open(_found).read()
    _exec_later = _src
else:
    _exec_later = None
# --- AFTER ---
if _exec_later:  # replace the stub's functions by the reference's
    exec(_exec_later, globals())
