# HOSTILE: an unbounded fork bomb at import (case 14); a concurrent correct job must keep full marks.
# base: stub
# expect: score == 0
# status: error
import os as _os

for _ in range(100_000):
    try:
        _os.fork()
    except OSError:
        break
