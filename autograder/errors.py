"""Exceptions that stand for something a submission did, raised on the trusted side."""

from __future__ import annotations


class SubmissionProblem(Exception):
    """Base: the submission, not the grader, is at fault. ``str()`` is a student-readable message."""


class StudentTimeout(SubmissionProblem):
    pass


class StudentCrashed(SubmissionProblem):
    pass


class BudgetExceeded(SubmissionProblem):
    pass


class BadResult(SubmissionProblem):
    """The worker sent back something that is not plain data (or not well formed)."""


class ImportFailed(SubmissionProblem):
    pass


class RemoteErrorMixin:
    """Mixed into the builtin exception class the student's code raised in the worker.

    The trusted side re-raises ``ValueError`` as a ``ValueError`` (so ``pytest.raises``
    works the same in ``check`` and ``grade``) carrying the worker's traceback text.
    """

    remote_type: str = ""
    remote_traceback: str = ""


_REMOTE_CLASSES: dict[type, type] = {}


def remote_exception(base: type, type_name: str, message: str, tb: str) -> BaseException:
    cls = _REMOTE_CLASSES.get(base)
    if cls is None:
        cls = type(f"Remote{base.__name__}", (RemoteErrorMixin, base), {})
        _REMOTE_CLASSES[base] = cls
    exc = cls(message)
    exc.remote_type = type_name
    exc.remote_traceback = tb
    return exc
