"""How a worker process is started and stopped: the strong (bubblewrap) and portable backends.

Both run ``python -I -S worker_main.py`` with a clean environment, one BLAS thread,
an empty working directory and resource limits (CPU seconds, address space, file
size, open files, no core dumps). The trusted side adds the wall-clock deadlines
(see :mod:`autograder.proxy`).

- ``BwrapBackend`` (strong; root + bubblewrap): new PID, network, IPC, UTS and cgroup
  namespaces, all capabilities dropped, a read-only view of only the interpreter,
  numpy, the system libraries and the worker's own folder, a small tmpfs for /tmp,
  then ``setpriv`` to an unprivileged uid per concurrent job so ``RLIMIT_NPROC``
  holds (it does nothing for root) and one job's fork bomb cannot starve another.
  No user namespace: as root it would map the worker back to a privileged id.
- ``PortableBackend`` (laptops, no root): a separate process in its own session
  with the same rlimits; it cannot hide the file system or the network.

The grading process registers as a child subreaper, so descendants that escape
the worker's process group (``setsid`` daemons) are re-parented to it and killed
when the worker is (:func:`kill_orphans`).
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from autograder.proxy import NUMPY_SITE

UID_BASE = 61000  # worker uids: UID_BASE .. UID_BASE + UID_COUNT - 1, one per running grading job
UID_COUNT = 256
LOCK_DIR = Path("/run/dlkit-uids") if os.access("/run", os.W_OK) else Path("/tmp/dlkit-uids")


def acquire_uid() -> tuple[int, int]:
    """A worker uid no other grading job on this machine holds: (uid, lock fd kept open for the job's life).

    Every job, of this run or of another ``dlkit grade`` running at the same time, gets its own
    uid, so ``RLIMIT_NPROC`` and the end-of-submission sweep (:func:`kill_uid`) never touch another
    job's workers.
    """
    import fcntl

    LOCK_DIR.mkdir(mode=0o700, exist_ok=True)
    for uid in range(UID_BASE, UID_BASE + UID_COUNT):
        fd = os.open(LOCK_DIR / str(uid), os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        kill_uid(uid)  # leftovers of a job that died without cleaning up
        return uid, fd
    raise RuntimeError(f"all {UID_COUNT} worker uids are in use by other grading jobs")


def python_executable() -> str:
    """The real interpreter behind the virtual environment (the sandbox binds its prefix)."""
    return os.path.realpath(sys.executable)


def clean_env(home: str) -> dict:
    env = {
        "PATH": "/usr/bin:/bin", "HOME": home, "TMPDIR": home, "LANG": "C.UTF-8",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1",
    }
    for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "DLKIT_RUN"):  # DLKIT_RUN: tags a run's workers  # some CPUs need these for a correct OpenBLAS
        if k in os.environ:
            env[k] = os.environ[k]
    return env


def _rlimits(limits, nproc: bool):
    def apply():
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if nproc:
            resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
    return apply


def become_subreaper() -> bool:
    """Orphaned descendants of our workers are re-parented to this process (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def kill_orphans(keep=()) -> int:
    """SIGKILL and reap every child of this process that is not in ``keep``; returns how many."""
    me, killed = os.getpid(), 0
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if not entry.name.isdigit() or int(entry.name) in keep:
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == me:
            try:
                os.kill(int(entry.name), signal.SIGKILL)
                os.waitpid(int(entry.name), 0)
                killed += 1
            except (ProcessLookupError, ChildProcessError):
                pass
    return killed


def kill_uid(uid: int) -> int:
    """SIGKILL every process running as ``uid`` (a job's dedicated worker uid); returns how many."""
    killed = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid == uid:
                os.kill(int(entry.name), signal.SIGKILL)
                killed += 1
        except (OSError, ProcessLookupError):
            pass
    return killed


class _Backend:
    name = "?"
    strong = False

    def protections(self) -> list[str]:
        raise NotImplementedError

    def worker_argv(self, python, code_dir, site, module_name, req_fd, resp_fd):
        return [python, "-I", "-S", "-B", f"{code_dir}/worker_main.py", site, f"{code_dir}/{module_name}.py",
                module_name, str(req_fd), str(resp_fd)]

    def kill(self, proc: subprocess.Popen):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
        kill_orphans()

    @staticmethod
    def describe_exit(proc) -> str:
        rc = proc.poll() if proc is not None else None
        if rc is None:
            return "killed by the grader"
        if rc < 0:
            try:
                return f"killed by signal {signal.Signals(-rc).name}"
            except ValueError:
                return f"killed by signal {-rc}"
        if rc == 128 + signal.SIGXCPU:
            return f"exit status {rc} (CPU time limit)"
        if rc == 128 + signal.SIGKILL:
            return f"exit status {rc} (killed: a resource limit or the grader's deadline)"
        return f"exit status {rc}"


class PortableBackend(_Backend):
    name = "portable"

    def protections(self):
        return ["separate worker process (tests and reference stay in the grader)",
                "plain-data results only", "wall-clock deadline per call and per submission",
                "CPU, memory, file-size and open-file limits; no core dumps",
                "clean environment, empty working directory, one BLAS thread",
                "descendants killed with the worker (subreaper)"]

    def spawn(self, code_dir, module_name, req_fd, resp_fd, out_fd, limits, slot):
        work = Path(code_dir).parent / "work"
        work.mkdir()
        argv = self.worker_argv(python_executable(), code_dir, NUMPY_SITE, module_name, req_fd, resp_fd)
        return subprocess.Popen(
            argv, cwd=work, env=clean_env(str(work)), stdin=subprocess.DEVNULL, stdout=out_fd, stderr=out_fd,
            pass_fds=(req_fd, resp_fd), start_new_session=True,
            preexec_fn=_rlimits(limits, nproc=os.geteuid() != 0))


_PROBED: dict[str, str | None] = {}


def _bwrap_probe(bwrap: str) -> str | None:
    """Can bubblewrap make the namespaces the worker needs here? (Containers often forbid it.)"""
    if bwrap not in _PROBED:
        argv = [bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
                "--ro-bind", "/", "/", "true"]
        try:
            r = subprocess.run(argv, capture_output=True, text=True, timeout=20)
            err = None if r.returncode == 0 else (r.stderr.strip().splitlines() or [f"exit status {r.returncode}"])[-1]
        except (OSError, subprocess.TimeoutExpired) as e:
            err = str(e)
        _PROBED[bwrap] = None if err is None else (
            f"bubblewrap cannot create namespaces here ({err[:200]}); in a container, run it with "
            "--privileged or use the portable backend")
    return _PROBED[bwrap]


class BwrapBackend(_Backend):
    name = "bubblewrap"
    strong = True

    def __init__(self):
        self.bwrap = shutil.which("bwrap")
        self.setpriv = shutil.which("setpriv")
        self._uid = None

    @property
    def uid(self) -> int:
        if self._uid is None:
            self._uid, self._lock = acquire_uid()
        return self._uid

    @classmethod
    def unavailable_reason(cls) -> str | None:
        if not sys.platform.startswith("linux"):
            return "not Linux"
        if os.geteuid() != 0:
            return "not running as root (needed to give each job its own unprivileged uid)"
        if not shutil.which("bwrap"):
            return "bubblewrap is not installed (Debian: apt-get install bubblewrap)"
        if not shutil.which("setpriv"):
            return "setpriv is not installed (Debian: util-linux)"
        return _bwrap_probe(shutil.which("bwrap"))

    def protections(self):
        return ["bubblewrap sandbox: new PID, network, IPC, UTS and cgroup namespaces; no network",
                "all capabilities dropped; unprivileged uid per concurrent job (fork bombs capped)",
                "read-only view of only the interpreter, numpy and system libraries; no grader files",
                "private 64 MiB /tmp as the working directory"] + PortableBackend().protections()[1:]

    def spawn(self, code_dir, module_name, req_fd, resp_fd, out_fd, limits, slot):
        python = python_executable()
        prefix = Path(sys.base_prefix).resolve()
        site = Path(NUMPY_SITE)
        uid = self.uid
        argv = [self.bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                "--unshare-cgroup-try", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
                "--cap-add", "CAP_SETPCAP",
                "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev",
                "--perms", "01777", "--size", str(64 << 20), "--tmpfs", "/tmp"]
        for parent in reversed(list(prefix.parents)[:-1]):  # traversable parents for the dropped uid
            argv += ["--perms", "0755", "--dir", str(parent)]
        argv += ["--ro-bind", str(prefix), str(prefix)]
        argv += ["--perms", "0755", "--dir", "/dlkit", "--perms", "0755", "--dir", "/dlkit/site"]
        for name in ("numpy", "numpy.libs"):
            if (site / name).exists():
                argv += ["--ro-bind", str(site / name), f"/dlkit/site/{name}"]
        argv += ["--ro-bind", str(code_dir), "/dlkit/code", "--chdir", "/tmp", "--clearenv"]
        for k, v in clean_env("/tmp").items():
            argv += ["--setenv", k, v]
        argv += ["--", self.setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                 "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs"]
        argv += self.worker_argv(python, "/dlkit/code", "/dlkit/site", module_name, req_fd, resp_fd)
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out_fd, stderr=out_fd,
                                pass_fds=(req_fd, resp_fd), start_new_session=True,
                                preexec_fn=_rlimits(limits, nproc=True))
        proc.dlkit_uid = uid
        return proc

    def kill(self, proc):
        super().kill(proc)
        kill_uid(proc.dlkit_uid)  # whatever still runs as this job's uid belongs to the submission


def choose_backend(kind: str = "auto"):
    """``auto``: bubblewrap when it works here, else portable. ``strong`` fails if it cannot."""
    if kind == "portable":
        return PortableBackend()
    reason = BwrapBackend.unavailable_reason()
    if reason is None:
        return BwrapBackend()
    if kind == "strong":
        raise RuntimeError(f"the strong sandbox is not available: {reason}")
    return PortableBackend()
