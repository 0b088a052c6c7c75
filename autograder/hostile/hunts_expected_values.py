# HOSTILE: looks for the grader's expected values through inspect.stack(), gc and sys.modules (case 8).
# base: stub
# expect: score == 0
import gc as _gc
import inspect as _inspect
import sys as _sys

import numpy as _np


def _hunt(*args, **kwargs):
    for frame in _inspect.stack():
        for key in ("expected", "ref", "want"):
            if key in frame.frame.f_locals:
                return frame.frame.f_locals[key]
    for name, mod in list(_sys.modules.items()):
        if "test" in name or "reference" in name:
            return getattr(mod, "expected", None)
    arrays = [o for o in _gc.get_objects() if type(o) is _np.ndarray]
    return arrays[-1] if arrays else None
# --- AFTER ---
for _name, _f in list(globals().items()):
    if callable(_f) and getattr(_f, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = _hunt
