# HOSTILE: one function sleeps forever, one waits on input(), one ignores SIGXCPU and spins (case 12).
# base: reference
# expect: 0 < score < 100
# message: timed out
import signal as _signal
import time as _time
# --- AFTER ---
def step(z):
    _time.sleep(10_000)


def sign(z):
    return input()


def AND(x1, x2):
    _signal.signal(_signal.SIGXCPU, _signal.SIG_IGN)
    while True:
        pass
