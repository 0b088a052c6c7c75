"""Test files are mapped to their assignment by the folder they live in, wherever the kit is cloned."""

from pathlib import Path

import pytest

from autograder import catalog


@pytest.mark.parametrize("path, number, hidden", [
    ("/srv/kit/autograder/tests/04_backprop/test_backprop_hidden.py", "04", True),
    ("/srv/kit/assignments/04_backprop/tests/test_backprop_public.py", "04", False),
    # a course folder named after another assignment must not win over the innermost match
    ("/home/ta/05_conv_pool/kit/autograder/tests/04_backprop/test_x.py", "04", True),
    ("/home/ta/05_conv_pool/kit/assignments/07_lstm_backward/tests/test_y.py", "07", False),
])
def test_innermost_assignment_folder_decides(path, number, hidden):
    a, is_hidden = catalog.for_test_path(Path(path))
    assert (a.number, is_hidden) == (number, hidden)


def test_a_path_outside_any_assignment_is_none():
    assert catalog.for_test_path(Path("/srv/kit/autograder/selftest/test_catalog.py")) is None
