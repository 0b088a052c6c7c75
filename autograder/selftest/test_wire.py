"""The wire accepts plain data only, and checks array headers before allocating."""

import numpy as np
import pytest

from autograder import wire


def roundtrip(value):
    blobs = []
    node = wire.encode(value, blobs, on_other=lambda v: {"h": 7})
    header, blobs = wire.unpack(wire.pack({"v": node}, blobs)[8:])
    return wire.decode(header["v"], blobs, on_handle=lambda h: ("handle", h))


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, float("nan"), float("inf"), "text", [1, (2.0, "x")], {"W": np.eye(2), "b": np.zeros(2)},
    np.float64(1.5), np.int32(-3), np.bool_(True), np.arange(6, dtype=np.int16).reshape(2, 3),
    np.asfortranarray(np.arange(6.0).reshape(2, 3)), np.array(2.0), np.zeros((0, 3)),
])
def test_plain_values_round_trip_with_exact_types(value):
    got = roundtrip(value)
    assert type(got) is type(value)
    if isinstance(value, np.ndarray):
        assert got.dtype == value.dtype and got.shape == value.shape and np.array_equal(got, value)
    elif isinstance(value, float) and value != value:
        assert got != got
    elif isinstance(value, dict):
        assert all(np.array_equal(got[k], value[k]) for k in value)
    else:
        assert got == value


def test_ndarray_subclass_and_objects_become_handles():
    class Lying(np.ndarray):
        def __eq__(self, other):
            return True

    assert roundtrip(np.zeros(3).view(Lying)) == ("handle", 7)
    assert roundtrip(object()) == ("handle", 7)
    assert roundtrip(np.array([1, "a"], dtype=object)) == ("handle", 7)


def test_huge_shape_with_tiny_body_is_refused_before_allocating():
    with pytest.raises(wire.WireError, match="exceeds the limit"):
        wire.array_from_bytes(b"\0" * 64, "<f8", [2_000_000_000], False, max_bytes=1 << 20)


def test_body_length_must_match_header():
    with pytest.raises(wire.WireError, match="header says"):
        wire.array_from_bytes(b"\0" * 8, "<f8", [4], False, max_bytes=1 << 20)


@pytest.mark.parametrize("dtype", ["|O8", "|O", "<V8", "<M8", "O", "object", 5, "<f8\n"])
def test_object_and_non_numeric_dtypes_are_refused(dtype):
    with pytest.raises(wire.WireError, match="numeric dtype"):
        wire.array_from_bytes(b"\0" * 8, dtype, [1], False, max_bytes=1 << 20)


@pytest.mark.parametrize("shape, fortran", [((4,), False), ([4.0], False), ([-1], False), ([1] * 33, False), ([1], 1)])
def test_malformed_shape_or_order_is_refused(shape, fortran):
    with pytest.raises(wire.WireError):
        wire.array_from_bytes(b"\0" * 32, "<f8", shape, fortran, max_bytes=1 << 20)


@pytest.mark.parametrize("node", [{"x": 1}, {"a": 99}, {"a": [99, "<f8", [1], False]}, {"d": [[1, 2]]}, {"l": 3}, [1, 2], {"h": 1}])
def test_malformed_nodes_are_refused(node):
    with pytest.raises(wire.WireError):
        wire.decode(node, [], on_handle=None)


def test_deep_nesting_is_refused():
    node = 0
    for _ in range(100):
        node = {"l": [node]}
    with pytest.raises(wire.WireError):
        wire.decode(node, [])
