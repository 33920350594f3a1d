"""The 4-bit wire image, the placement check, image sources and fault scripts."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from drivers.errors import NoFingerError, PartialFingerError, ProtocolError
from drivers.simulator import DirectorySource, Fault, FaultPlan
from drivers.simulator.images import fit_to_sensor
from drivers.zfm.image import check_placement, pack, unpack
from tests.drivers.ridge_source import RidgePatternSource


def test_high_nibble_is_the_left_pixel():
    image = unpack(bytes([0xF0, 0x1E]) + bytes(4), width=4, height=3)
    assert image[0].tolist() == [255, 0, 17, 238]


def test_pack_unpack_round_trip_at_4_bits():
    rng = np.random.default_rng(3)
    image = rng.integers(0, 256, (288, 256), dtype=np.uint8)
    data = pack(image)
    assert len(data) == 36864
    assert np.array_equal(unpack(data), (image >> 4) * 17)
    with pytest.raises(ProtocolError, match="36863 bytes"):
        unpack(data[:-1])


def test_placement_check():
    finger, _ = RidgePatternSource(seed=1).next_press()
    assert check_placement(finger) > 0.5
    with pytest.raises(NoFingerError):
        check_placement(np.full((288, 256), 230, np.uint8))
    top = finger.copy()
    top[60:] = 230
    with pytest.raises(PartialFingerError):
        check_placement(top)
    high = np.full_like(finger, 230)
    high[:150] = finger[70:220]  # most of a finger, but pressed at the top edge
    with pytest.raises(PartialFingerError, match="off centre"):
        check_placement(high)


def test_presses_of_one_finger_keep_its_identity_but_are_not_copies():
    source = RidgePatternSource(seed=2, fingers=2)
    (a, ida), (_, idb), (c, idc) = source.next_press(), source.next_press(), source.next_press()
    assert ida == idc != idb
    assert not np.array_equal(a, c)
    again = RidgePatternSource(seed=2, fingers=2).next_press()
    assert np.array_equal(again[0], a)  # seeded: reproducible


def test_directory_source_fits_files_to_the_sensor(tmp_path):
    Image.fromarray(np.tile(np.arange(0, 250, 2, dtype=np.uint8), (400, 3))).save(tmp_path / "a.png")
    Image.fromarray(np.zeros((100, 80), np.uint8)).save(tmp_path / "b.bmp")
    (tmp_path / "notes.txt").write_text("not an image")
    source = DirectorySource(tmp_path)
    for expected in ("file:a.png", "file:b.bmp", "file:a.png"):
        image, identity = source.next_press()
        assert image.shape == (288, 256) and image.dtype == np.uint8 and identity == expected
    with pytest.raises(FileNotFoundError):
        DirectorySource(tmp_path / "..")
    assert fit_to_sensor(np.zeros((577, 512), np.uint8)).shape == (288, 256)


def test_directory_source_with_public_samples(sourceafis_samples):
    image, identity = DirectorySource(sourceafis_samples).next_press()
    assert image.shape == (288, 256) and identity.startswith("file:")


def test_fault_scripts():
    assert Fault.parse("no_finger:times=3") == Fault("no_finger", times=3)
    assert Fault.parse("slow:delay=0.5").delay == 0.5
    for bad in ("melt", "slow:speed=2", "unplug:after=x", "garbage:bytes=0", "no_finger:times=0"):
        with pytest.raises(ValueError):
            Fault.parse(bad)
    plan = FaultPlan([Fault("no_finger", times=2)])
    plan.add("partial")
    assert plan.take("no_finger") and plan.take("no_finger") and plan.take("no_finger") is None
    assert [f.name for f in plan.pending()] == ["partial"]


@pytest.mark.timeout(60)  # a read that blocks on a FIFO is a hang
def test_a_directory_source_refuses_a_fifo_named_like_an_image(tmp_path):
    import os

    from enrollment.errors import ImageError

    os.mkfifo(tmp_path / "finger.png")
    with pytest.raises(ImageError, match="a FIFO, not a regular file"):
        DirectorySource(tmp_path).next_press()
