# HOSTILE: scans /proc for the grader's processes, reads their memory and command lines (case 9).
# base: stub
# expect: score == 0
import os as _os

_seen = []
for _pid in _os.listdir("/proc"):
    if _pid.isdigit():
        try:
            _seen.append(open(f"/proc/{_pid}/cmdline", "rb").read()[:200])
            with open(f"/proc/{_pid}/mem", "rb") as _m:
                _m.read(16)
        except OSError:
            pass
print("processes visible:", len(_seen))
