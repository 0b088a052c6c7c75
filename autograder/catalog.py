"""The seven assignments, where their files live, and how `NN` arguments are resolved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Assignment:
    number: str   # "05"
    name: str     # "conv_pool"
    module: str   # "cnn"

    @property
    def slug(self) -> str:
        return f"{self.number}_{self.name}"

    @property
    def filename(self) -> str:
        return f"{self.module}.py"

    def solution_file(self, root: Path = ROOT) -> Path:
        return root / "solutions" / self.slug / self.filename

    def stub_file(self, root: Path = ROOT) -> Path:
        return root / "assignments" / self.slug / self.filename

    def public_tests(self, root: Path = ROOT) -> Path:
        return root / "assignments" / self.slug / "tests"

    def hidden_tests(self, root: Path = ROOT) -> Path:
        return root / "autograder" / "tests" / self.slug

    def mutants_dir(self, root: Path = ROOT) -> Path:
        return root / "autograder" / "mutants" / self.slug


ASSIGNMENTS = [
    Assignment("01", "perceptron", "perceptron"),
    Assignment("02", "activations_losses", "functions"),
    Assignment("03", "gradient_descent", "optim"),
    Assignment("04", "backprop", "backprop"),
    Assignment("05", "conv_pool", "cnn"),
    Assignment("06", "rnn_forward", "rnn"),
    Assignment("07", "lstm_backward", "lstm"),
]
_BY_SLUG = {a.slug: a for a in ASSIGNMENTS}


class UnknownAssignment(ValueError):
    pass


def resolve(key: str) -> Assignment:
    """Accept `05`, `5`, `05_conv_pool`, `conv_pool` or the module name `cnn`."""
    k = str(key).strip().rstrip("/").split("/")[-1]
    for a in ASSIGNMENTS:
        if k in (a.number, a.slug, a.name, a.module) or (k.isdigit() and int(k) == int(a.number)):
            return a
    choices = ", ".join(a.slug for a in ASSIGNMENTS)
    raise UnknownAssignment(f"unknown assignment {key!r}; choose one of: {choices} (e.g. `05` or `conv_pool`)")


def available(root: Path = ROOT) -> list[Assignment]:
    """Assignments whose student folder exists in this tree (a release has no solutions/)."""
    return [a for a in ASSIGNMENTS if (root / "assignments" / a.slug).is_dir()]


def for_test_path(path: Path) -> tuple[Assignment, bool] | None:
    """(assignment, hidden?) for a test file, from the folder it lives in."""
    parts = Path(path).resolve().parts
    for i in range(len(parts) - 1, -1, -1):  # the innermost match: the kit may live under e.g. ~/04_backprop/
        if parts[i] in _BY_SLUG:
            hidden = i >= 2 and parts[i - 1] == "tests" and parts[i - 2] == "autograder"
            return _BY_SLUG[parts[i]], hidden
    return None
