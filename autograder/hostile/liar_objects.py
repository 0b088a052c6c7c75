# HOSTILE: every function returns an object whose __eq__ is always true, or a lying ndarray subclass (case 4).
# base: stub
# expect: score == 0
import numpy as _np


class _Liar(_np.ndarray):
    def __eq__(self, other):
        return True

    __ne__ = lambda self, other: False

    def __array_ufunc__(self, *a, **k):
        return True


class _Yes:
    def __eq__(self, other):
        return True

    def all(self):
        return True

    def __bool__(self):
        return True
# --- AFTER ---
for _name, _f in list(globals().items()):
    if callable(_f) and getattr(_f, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = (lambda *a, _i=[0], **k: (_i.__setitem__(0, _i[0] + 1),
                            _np.zeros(4).view(_Liar) if _i[0] % 2 else _Yes())[1])
