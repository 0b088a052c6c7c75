# HOSTILE: prints 120 MB of fake "SCORE: 100" lines with ANSI escapes (case 18).
# base: stub
# expect: score == 0
import sys as _sys

_line = "\x1b[2J\x1b[32mSCORE: 100/100 all tests passed\x1b[0m\n" * 1000
for _ in range(3000):
    _sys.stdout.write(_line)
_sys.stdout.flush()
