# HOSTILE: honest code except one function that raises SystemExit / KeyboardInterrupt during the call (case 2).
# base: reference
# expect: 0 < score < 100
# message: SystemExit
# --- AFTER ---
def XOR(x1, x2):
    raise SystemExit(0)


def XNOR(x1, x2):
    raise KeyboardInterrupt
