"""Turn a failed test's exception into the message a student reads.

Hidden tests never show inputs or expected values: a :class:`CheckFailure`
shows its ``summary``, a bare ``assert`` shows the test's docstring. Errors raised
by the student's own code show its type, message and the last lines of its
traceback, which point into the student's file.
"""

from __future__ import annotations

import traceback

from autograder.errors import RemoteErrorMixin, SubmissionProblem
from shared.checks import CheckFailure

MAX_CHARS = 1500


def _clip(text: str, limit: int = MAX_CHARS) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 20] + "\n... (truncated)"


def _student_frames(exc: BaseException, student_file: str | None) -> str:
    """The traceback lines that point into the student's module (local runs)."""
    if not student_file:
        return ""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == student_file]
    return "".join(traceback.format_list(frames[-3:]))


def failure_message(excinfo, hidden: bool, doc: str = "", student_file: str | None = None) -> tuple[str, str]:
    """(message for the student, full detail for the instructor)."""
    exc = excinfo.value
    # traceback.format_exception, not pytest's getrepr: the latter costs ~0.2 s per failure
    detail = _clip("".join(traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-6)), 6000)
    name = type(exc).__name__
    if isinstance(exc, CheckFailure):
        return _clip(exc.summary if hidden else exc.message), detail
    if isinstance(exc, SubmissionProblem):
        return _clip(str(exc)), detail
    if isinstance(exc, RemoteErrorMixin):
        head = f"your code raised {exc.remote_type}: {exc}"
        if isinstance(exc, NotImplementedError):
            head = f"not implemented yet (NotImplementedError: {exc})"
        return _clip(f"{head}\n{exc.remote_traceback}".strip()), detail
    if student_file and _student_frames(exc, student_file):
        head = f"your code raised {name}: {exc}"
        if isinstance(exc, NotImplementedError):
            head = f"not implemented yet (NotImplementedError: {exc})"
        return _clip(f"{head}\n{_student_frames(exc, student_file)}"), detail
    if isinstance(exc, AssertionError):
        if hidden:
            return f"check failed: {doc or 'the result is not what the specification asks for'}", detail
        text = str(exc).strip() or doc or "assertion failed"
        return _clip(text), detail
    # An exception raised while the test handled the result (e.g. unpacking a non-tuple).
    return _clip(f"{name}: {exc}"), detail
