"""Finding submissions and the one module file inside each.

A submission is a folder or a ``.zip``; the student id is its name without
``.zip``. The assignment's module (e.g. ``cnn.py``) is found by file name anywhere
inside. None, or more than one, is an error for that submission alone.

A folder named on the command line is a *class folder* (each subfolder and zip
inside is a submission) unless the module sits directly in it or it has no
subfolders or zips, in which case it is one submission.

Zips are never extracted wholesale: only the module's bytes are read, after
checking the archive's entry count, sizes and paths.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from autograder import catalog

MAX_ZIP_ENTRIES = 2000
MAX_ZIP_BYTES = 100 << 20        # total uncompressed
MAX_MODULE_BYTES = 2 << 20       # the module itself
_IGNORED_PARTS = {"__MACOSX", ".ipynb_checkpoints", "__pycache__", ".git"}
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.@-]+")


@dataclass
class Submission:
    student: str
    source: Path
    module_file: Path | None = None
    problem: str | None = None
    fingerprint: str = ""


def student_id(path: Path) -> str:
    name = path.name[:-4] if path.name.lower().endswith(".zip") else path.name
    return _SAFE_ID.sub("_", name).strip("._") or "submission"


def _ignored(parts) -> bool:
    return any(p in _IGNORED_PARTS or p.startswith("._") for p in parts)


def from_path(path: Path, a: catalog.Assignment, scratch: Path | None = None) -> Submission:
    sub = Submission(student_id(path), path)
    if path.is_file() and path.suffix.lower() == ".zip":
        _from_zip(sub, path, a, scratch)
    elif path.is_file() and path.name == a.filename:
        sub.student = student_id(path.parent)
        sub.module_file = path
    elif path.is_dir():
        found = []
        for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
            rel = Path(dirpath).relative_to(path).parts
            if _ignored(rel):
                continue
            if a.filename in filenames:
                found.append(Path(dirpath) / a.filename)
        if not found:
            sub.problem = f"no {a.filename} in the submission"
        elif len(found) > 1:
            sub.problem = f"{len(found)} files named {a.filename} in the submission; keep exactly one"
        elif found[0].is_symlink() or not stat.S_ISREG(found[0].lstat().st_mode):
            sub.problem = f"{a.filename} is not a regular file"
        elif found[0].stat().st_size > MAX_MODULE_BYTES:
            sub.problem = f"{a.filename} is larger than {MAX_MODULE_BYTES >> 20} MiB"
        else:
            sub.module_file = found[0]
    else:
        sub.problem = "not a folder or a .zip file" if path.exists() else "no such file or folder"
    return sub


def _from_zip(sub: Submission, path: Path, a: catalog.Assignment, scratch: Path | None):
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                sub.problem = f"the zip has {len(infos)} entries (at most {MAX_ZIP_ENTRIES})"
                return
            if sum(i.file_size for i in infos) > MAX_ZIP_BYTES:
                sub.problem = f"the zip unpacks to more than {MAX_ZIP_BYTES >> 20} MiB"
                return
            found = []
            for info in infos:
                name = info.filename.replace("\\", "/")
                parts = [p for p in name.split("/") if p]
                if not parts or name.startswith("/") or ".." in parts or _ignored(parts[:-1]):
                    continue
                if parts[-1] == a.filename and not info.is_dir():
                    found.append(info)
            if not found:
                sub.problem = f"no {a.filename} in the zip"
                return
            if len(found) > 1:
                sub.problem = f"{len(found)} files named {a.filename} in the zip; keep exactly one"
                return
            info = found[0]
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                sub.problem = f"{a.filename} in the zip is a symbolic link"
                return
            if info.file_size > MAX_MODULE_BYTES:
                sub.problem = f"{a.filename} is larger than {MAX_MODULE_BYTES >> 20} MiB"
                return
            data = z.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
        sub.problem = f"cannot read the zip: {e}"
        return
    dest = Path(tempfile.mkdtemp(prefix="dlkit-zip-", dir=scratch)) / a.filename
    dest.write_bytes(data)
    sub.module_file = dest


def discover(paths: list[Path], a: catalog.Assignment) -> list[Submission]:
    """Submissions named on the command line (class folders expanded), with unique ids."""
    subs = []
    for p in paths:
        p = Path(p)
        if p.is_dir() and not (p / a.filename).is_file():
            children = sorted(c for c in p.iterdir() if not _ignored([c.name]) and not c.name.startswith(".")
                              and (c.is_dir() or c.suffix.lower() == ".zip"))
            if children:
                subs += [from_path(c, a) for c in children]
                continue
        subs.append(from_path(p, a))
    seen = {}
    for s in subs:
        if s.student in seen:
            raise ValueError(f"two submissions have the student id {s.student!r}: {seen[s.student]} and {s.source}; "
                             "rename one")
        seen[s.student] = s.source
    return subs
