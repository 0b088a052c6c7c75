# HOSTILE: tries to kill its parent and every grader process it can find (case 17).
# base: stub
# expect: score == 0
import os as _os
import signal as _signal

for _pid in [_os.getppid(), 1] + [int(p) for p in _os.listdir("/proc") if p.isdigit()]:
    if _pid != _os.getpid():
        try:
            _os.kill(_pid, _signal.SIGKILL)
        except OSError:
            pass
