# HOSTILE: loops forever at import (case 12).
# base: stub
# expect: score == 0
# status: error
# message: timed out
while True:
    pass
