# HOSTILE: honest code with one function missing (case 20): only its tests fail, with a clear message.
# base: reference
# expect: 0 < score < 100
# message: has no attribute 'XNOR'
# --- AFTER ---
del XNOR
