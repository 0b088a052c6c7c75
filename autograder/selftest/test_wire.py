"""The wire accepts plain data only, and checks .npy headers before allocating."""

import io
import struct

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


def _npy_header(shape, descr="<f8"):
    head = repr({"descr": descr, "fortran_order": False, "shape": shape}).encode()
    head += b" " * (-(len(head) + 11) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(head)) + head


def test_huge_header_with_tiny_body_is_refused_before_allocating():
    with pytest.raises(wire.WireError, match="exceeds the limit"):
        wire.npy_to_array(_npy_header((2_000_000_000,)) + b"\0" * 64, max_bytes=1 << 20)


def test_body_length_must_match_header():
    with pytest.raises(wire.WireError, match="header says"):
        wire.npy_to_array(_npy_header((4,)) + b"\0" * 8, max_bytes=1 << 20)


def test_pickled_object_array_is_refused():
    buf = io.BytesIO()
    np.save(buf, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(wire.WireError, match="numeric dtype"):
        wire.npy_to_array(buf.getvalue(), max_bytes=1 << 20)


@pytest.mark.parametrize("node", [{"x": 1}, {"a": 99}, {"d": [[1, 2]]}, {"l": 3}, [1, 2], {"h": 1}])
def test_malformed_nodes_are_refused(node):
    with pytest.raises(wire.WireError):
        wire.decode(node, [], on_handle=None)


def test_deep_nesting_is_refused():
    node = 0
    for _ in range(100):
        node = {"l": [node]}
    with pytest.raises(wire.WireError):
        wire.decode(node, [])
