# HOSTILE: tries to overwrite or delete grader files, tests, references and results (case 10).
# base: stub
# expect: score == 0
import os as _os

for _root in ("/work", "/root", "/home", "/tmp", "/srv", "/opt", _os.path.expanduser("~")):
    for _dirpath, _dirs, _files in _os.walk(_root):
        if _dirpath.count(_os.sep) > 6:
            _dirs[:] = []
            continue
        for _f in _files:
            if _f in ("results.json", "gradebook.csv", "checks.py", "pytest_plugin.py") or _f.endswith("_hidden.py"):
                try:
                    with open(_os.path.join(_dirpath, _f), "w") as _out:
                        _out.write('{"score": 100}')
                except OSError:
                    pass
