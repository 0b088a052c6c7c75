# HOSTILE: allocates without bound in every call (case 13).
# base: stub
# expect: score == 0
# message: MemoryError
import numpy as _np


def _bomb(*args, **kwargs):
    hog = []
    while True:
        hog.append(_np.ones(1 << 26))
# --- AFTER ---
for _name, _f in list(globals().items()):
    if callable(_f) and getattr(_f, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = _bomb
