"""LibfprintScanner against libfprint's own virtual image device (FP_VIRTUAL_IMAGE unix socket).

The test is the other end of the socket: libfprint listens once the device is open; we connect and send
native-endian int32 width, int32 height, then width*height grey bytes (or a negative width as a
command: -1 retry with a code, -2 error with a code, -5 device removed).
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from drivers.errors import (
    CaptureCancelled,
    CaptureError,
    CaptureTimeoutError,
    DeviceRemovedError,
    PartialFingerError,
    ProtocolError,
)
from drivers.libfprint import LibfprintScanner, LibfprintUnavailableError, NoLibfprintDeviceError
from drivers.libfprint.gi_loader import load_fprint

try:
    load_fprint()
except LibfprintUnavailableError as exc:
    if os.environ.get("CI") == "true":  # CI installs the packages (.ci/run): never skip there
        pytest.fail(f"libfprint through PyGObject must be available under CI: {exc}", pytrace=False)
    pytest.skip(f"libfprint through PyGObject is not available: {exc}", allow_module_level=True)


@pytest.fixture
def virtual_socket(monkeypatch: pytest.MonkeyPatch):
    # A short path: unix socket paths are limited to 107 bytes, pytest's tmp_path can be longer.
    folder = Path(tempfile.mkdtemp(prefix="fpv-", dir="/tmp"))
    path = folder / "img.sock"
    monkeypatch.setenv("FP_VIRTUAL_IMAGE", str(path))
    yield path
    path.unlink(missing_ok=True)
    folder.rmdir()


def send_later(path: Path, payload: bytes, delay: float = 0.2) -> threading.Thread:
    """Connect to libfprint's listener (once it exists) and send ``payload``, from a thread."""

    def run() -> None:
        deadline = time.monotonic() + 10
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(delay)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(path))
            sock.sendall(payload)
            time.sleep(1.0)  # keep the connection open while libfprint reads

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def image_payload(image: np.ndarray) -> bytes:
    height, width = image.shape
    return struct.pack("=ii", width, height) + image.tobytes()


def ridge_image(seed: int, width: int = 256, height: int = 288) -> np.ndarray:
    """A synthetic fingerprint-like pattern, not a real print: a ridge grating of a 9-pixel period (500 dpi)
    with seeded phase dislocations, each of which is a ridge ending/bifurcation pair, plus noise.
    libfprint runs its minutiae detector on every capture and refuses an image without minutiae."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    phase = 2 * np.pi * (x * np.cos(0.3) + y * np.sin(0.3)) / 9.0
    for _ in range(6):
        cx, cy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height
        phase += rng.choice([-1.0, 1.0]) * np.arctan2(y - cy, x - cx)
    ridges = 128 + 100 * np.sin(phase)
    return np.clip(ridges + rng.normal(0, 10, ridges.shape), 0, 255).astype(np.uint8)


def test_capture_returns_the_image_libfprint_was_given(virtual_socket: Path) -> None:
    image = ridge_image(seed=7)
    with LibfprintScanner() as scanner:
        info = scanner.info()
        assert info.driver == "libfprint" and info.vendor == "virtual_image"
        send_later(virtual_socket, image_payload(image))
        capture = scanner.capture(finger_position=2, timeout=15)
    assert capture.image.shape == image.shape and capture.image.dtype == np.uint8
    assert np.array_equal(capture.image, image)
    assert capture.finger_position == 2
    assert capture.resolution_dpi == 500  # the virtual device reports no pixels-per-mm
    assert capture.finished_at >= capture.started_at


def test_two_captures_in_a_row(virtual_socket: Path) -> None:
    first, second = ridge_image(seed=1, width=200, height=240), ridge_image(seed=2, width=200, height=240)
    with LibfprintScanner(driver="virtual_image") as scanner:
        send_later(virtual_socket, image_payload(first))
        a = scanner.capture(timeout=15)
        send_later(virtual_socket, image_payload(second))
        b = scanner.capture(timeout=15)
    assert np.array_equal(a.image, first) and np.array_equal(b.image, second)


@pytest.mark.parametrize(("command", "error_type"), [
    ((-1, 2), PartialFingerError),  # FP_DEVICE_RETRY_CENTER_FINGER
    ((-1, 0), CaptureError),  # FP_DEVICE_RETRY_GENERAL
    ((-2, 5), ProtocolError),  # FP_DEVICE_ERROR_PROTO
])
def test_libfprint_errors_become_typed_driver_errors(virtual_socket: Path, command, error_type) -> None:
    with LibfprintScanner() as scanner:
        send_later(virtual_socket, struct.pack("=ii", *command))
        with pytest.raises(error_type) as caught:
            scanner.capture(timeout=15)
    assert caught.value.user_message
    if isinstance(caught.value, CaptureError):
        assert caught.value.retryable


def test_removed_device_is_reported(virtual_socket: Path) -> None:
    with LibfprintScanner() as scanner:
        send_later(virtual_socket, struct.pack("=ii", -5, 0))
        with pytest.raises(DeviceRemovedError):
            scanner.capture(timeout=15)


def test_cancel_from_another_thread_unwinds_quietly(virtual_socket: Path) -> None:
    with LibfprintScanner() as scanner:
        threading.Timer(0.3, scanner.cancel).start()
        with pytest.raises(CaptureCancelled):
            scanner.capture(timeout=15)


def test_timeout_is_a_capture_timeout(virtual_socket: Path) -> None:
    with LibfprintScanner() as scanner, pytest.raises(CaptureTimeoutError):
        scanner.capture(timeout=0.3)


def test_no_matching_device(virtual_socket: Path) -> None:
    with pytest.raises(NoLibfprintDeviceError, match="no-such-driver"):
        LibfprintScanner(driver="no-such-driver").open()


def test_missing_pygobject_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gi", None)  # makes `import gi` raise ImportError
    with pytest.raises(LibfprintUnavailableError, match=r"gir1\.2-fprint-2\.0"):
        load_fprint.__wrapped__()


def test_a_public_sample_print_passes_through_unchanged(virtual_socket: Path, sourceafis_samples: Path) -> None:
    import cv2

    image = cv2.imread(str(sourceafis_samples / "probe.png"), cv2.IMREAD_GRAYSCALE)
    assert image is not None
    with LibfprintScanner() as scanner:
        send_later(virtual_socket, image_payload(np.ascontiguousarray(image)))
        capture = scanner.capture(timeout=15)
    assert np.array_equal(capture.image, image)
