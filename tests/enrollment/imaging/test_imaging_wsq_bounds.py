"""WSQ: a frame header the data cannot back is refused before decoding; streams that crash NBIS are contained.

The files in ``wsq_crashes/`` were found by fuzzing NBIS's decoder (the ``wsq`` package's ``_wsq``) with byte
overwrites of a 96x80 ridge image: each makes ``_wsq.decompress`` die with SIGSEGV (in most runs: what the
out-of-bounds writes hit depends on the memory layout). segfault-1 changes the frame width (to 44128) and is
now refused from the header; segfault-2 and -3 pass every header check and reach the decoder, which runs in
a child process (``enrollment.imaging.wsq_decoder``) for their sake.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import wsq  # noqa: F401  (registers the WSQ encoder with Pillow, to make test files)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from enrollment.errors import ImageError
from enrollment.imaging import load_image
from enrollment.imaging.errors import CorruptImageError, ImageTooLargeError
from enrollment.imaging.header import check_wsq_data_size, read_wsq_header
from enrollment.imaging.parameters import MAX_WSQ_PIXELS_PER_BYTE

CRASHES = Path(__file__).parent / "wsq_crashes"
HANG_TIMEOUT_S = 120
ATTEMPTS = 4  # each reproducer crashes NBIS in about 19 runs of 20


def _wsq(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array).save(out, format="WSQ")
    return out.getvalue()


def _ridges(height: int, width: int, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    return np.clip(128 + 90 * np.sin((x + 0.4 * y) / 4) + rng.normal(0, 6, (height, width)), 0, 255).astype(np.uint8)


def _forge_size(data: bytes, width: int, height: int) -> bytes:
    at = data.index(b"\xff\xa2")
    return data[: at + 6] + height.to_bytes(2, "big") + width.to_bytes(2, "big") + data[at + 10 :]


@pytest.mark.parametrize(("width", "height"), [(4096, 4096), (2048, 2048), (4096, 1024)])
def test_a_frame_header_larger_than_its_data_can_hold_is_refused_before_decoding(width, height):
    small = _wsq(_ridges(160, 200))  # about 3.9 kB
    forged = _forge_size(small, width, height)
    with pytest.raises(CorruptImageError, match=rf"says {width}x{height} .* pixels per byte: not decoded"):
        load_image(forged)


def test_a_blank_canvas_is_refused_before_decoding():
    blank = _wsq(np.full((2048, 2048), 255, np.uint8))  # NBIS writes about 660 bytes whatever the size
    with pytest.raises(CorruptImageError, match="2048x2048"):
        load_image(blank)


def test_a_small_print_on_a_large_white_canvas_is_kept():
    canvas = np.full((2048, 2048), 255, np.uint8)
    canvas[:388, :374] = _ridges(388, 374)
    data = _wsq(canvas)
    assert 2048 * 2048 / len(data) > 50  # far beyond what ridges alone compress to
    image = load_image(data)
    assert (image.width, image.height) == (2048, 2048)


@settings(derandomize=True, max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 65535), st.integers(1, 65535), st.integers(0, 3000))
def test_fuzz_frame_size_against_stream_length(width, height, cut_from_middle):
    """Whatever the frame size and stream length, the header checks refuse with an ImageError or accept a
    frame within the bound; nothing is decoded here."""
    data = _forge_size(_wsq(_ridges(160, 200)), width, height)
    middle = len(data) // 2
    data = data[:middle] + data[middle + cut_from_middle :] if cut_from_middle < middle else data
    try:
        header = read_wsq_header(data, "fuzz")
        check_wsq_data_size(header, len(data), "fuzz")
    except ImageError as error:
        assert "fuzz" in str(error)
        return
    assert (header.width, header.height) == (width, height)
    assert width * height <= len(data) * MAX_WSQ_PIXELS_PER_BYTE


@pytest.mark.parametrize("name", ["segfault-1.wsq", "segfault-2.wsq", "segfault-3.wsq"])
def test_reproducers_still_crash_the_bare_nbis_decoder(name):
    """Keeps the reproducers honest: should a new ``wsq`` release stop crashing on them, this says so. The
    damage depends on the memory layout, so a run may instead end in an NBIS error (about 1 run in 20)."""
    code = "import sys, _wsq\n_wsq.decompress(open(sys.argv[1], 'rb').read())"
    statuses = []
    for _ in range(ATTEMPTS):
        child = subprocess.run([sys.executable, "-c", code, str(CRASHES / name)], capture_output=True,
                               timeout=HANG_TIMEOUT_S, check=False)
        statuses.append(child.returncode)
        if child.returncode < 0:
            return
    pytest.fail(f"{name} no longer crashes NBIS (exit statuses {statuses})")


def test_a_stream_refused_from_its_header_never_reaches_the_decoder():
    with pytest.raises(ImageTooLargeError, match="44128x80"):
        load_image(CRASHES / "segfault-1.wsq")


@pytest.mark.parametrize("name", ["segfault-2.wsq", "segfault-3.wsq"])
def test_streams_that_crash_nbis_are_a_typed_error_here(name):
    """Every run ends in an ImageError (or, when the corruption happens to go unnoticed, a valid image): the
    decoder's crash, or its own complaint, stays in the child. Whether NBIS crashes or notices the damage varies
    from run to run (segfault-3 gave "WSQ Error: -51" in every attempt of one CI run), so the crash itself is
    required of neither here; test_reproducers_still_crash_the_bare_nbis_decoder shows that they do crash it."""
    reasons = []
    for _ in range(ATTEMPTS):
        try:
            image = load_image(CRASHES / name)
        except CorruptImageError as error:
            reasons.append(str(error))
        else:
            assert image.array.shape == (80, 96) and image.array.dtype == np.uint8
    assert all("crashed with signal" in reason or "cannot be decoded" in reason for reason in reasons), reasons
