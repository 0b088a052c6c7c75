# HOSTILE (honest answers, unless state survives): writes a marker to /tmp and $HOME at import; if a marker from an
# earlier worker or submission is there, it answers wrongly (case 19). Graded twice in one job: 100 both times.
# base: reference
# expect: score == 100
import os as _os

_markers = ["/tmp/dlkit_hostile_state", _os.path.join(_os.path.expanduser("~"), ".dlkit_hostile_state")]
_persisted = any(_os.path.exists(m) for m in _markers)
for _m in _markers:
    try:
        open(_m, "w").write("seen")
    except OSError:
        pass
# --- AFTER ---
if _persisted:
    def step(z):
        return None
