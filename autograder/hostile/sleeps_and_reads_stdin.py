# HOSTILE: one function sleeps forever, one reads stdin, one ignores SIGXCPU and spins (case 12);
# the rest is honest, so the time budget runs out but every test that ran honestly keeps its points.
# base: reference
# expect: 0 < score < 100
# status: error
# message: timed out
import signal as _signal
import time as _time
# --- AFTER ---
def XOR(x1, x2):
    _time.sleep(10_000)


def XNOR(x1, x2):
    return input()


def train_perceptron(X, y, lr=0.1, max_epochs=100):
    _signal.signal(_signal.SIGXCPU, _signal.SIG_IGN)
    while True:
        pass
