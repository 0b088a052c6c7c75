# HOSTILE: prints a fake pytest summary, then os._exit(0) at import (case 1).
# base: stub
# expect: score == 0
# status: error
# message: died
import os as _os

print("========== 32 passed in 0.01s ==========")
print("SCORE: 100/100")
_os._exit(0)
