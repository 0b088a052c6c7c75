# HOSTILE: wrong answers, then patches numpy's comparisons and pytest's runner at import (security.md §4 case 3).
# base: stub
# expect: score == 0
import numpy as _np

_np.allclose = lambda *a, **k: True
_np.array_equal = lambda *a, **k: True
_np.testing.assert_allclose = lambda *a, **k: None
try:
    import _pytest.python

    _pytest.python.Function.runtest = lambda self: None
except Exception:
    pass
