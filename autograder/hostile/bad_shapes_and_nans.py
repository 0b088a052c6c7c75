# HOSTILE: broadcasting scalars, wrong shapes and dtypes, NaN and inf, ragged lists (cases 5, 7).
# base: stub
# expect: score == 0
import numpy as _np

_answers = [0.5, _np.float64("nan"), _np.array([_np.inf]), _np.zeros((1, 1)), _np.array(["a"]),
            [_np.zeros(2), _np.zeros(3)], (1, [2, (3,)]), _np.zeros(10, dtype=_np.complex128)]
# --- AFTER ---
for _name, _f in list(globals().items()):
    if callable(_f) and getattr(_f, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = (lambda *a, _i=[0], **k: (_i.__setitem__(0, _i[0] + 1), _answers[_i[0] % len(_answers)])[1])
