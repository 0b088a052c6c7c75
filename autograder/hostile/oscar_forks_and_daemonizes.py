# HOSTILE (honest answers): leaves a setsid daemon and a fork bomb behind at import (cases 14, 15).
# base: reference
# expect: score == 100
import os as _os
import time as _time

if _os.fork() == 0:  # child: detach, then fork as much as the limits allow, then sleep
    try:
        _os.setsid()
        for _ in range(300):
            if _os.fork() == 0:
                _time.sleep(600)
                _os._exit(0)
    except OSError:
        pass
    _time.sleep(600)
    _os._exit(0)
