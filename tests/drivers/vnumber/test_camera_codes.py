"""Camera reader: codes generated with zxing-cpp, placed in camera-like frames (rotated, noisy, blurred)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from drivers.errors import ReaderError
from drivers.vnumber.camera import CameraReader, OpenCvFrameSource, decode_frame, read_frame
from drivers.vnumber.errors import BarcodePayloadError, InvalidVNumberError, ReaderUnavailableError
from drivers.vnumber.mrz import compose_td1
from drivers.vnumber.reader import ReaderResult

FORMATS = {"qr": zxingcpp.BarcodeFormat.QRCode, "code128": zxingcpp.BarcodeFormat.Code128,
           "datamatrix": zxingcpp.BarcodeFormat.DataMatrix}


def code_image(text: str, kind: str, scale: int | None = None) -> np.ndarray:
    scale = scale or (2 if kind == "code128" else 4)  # a 2-pixel module keeps Code 128 inside a 640-wide frame
    barcode = zxingcpp.create_barcode(text, FORMATS[kind])
    image = np.array(zxingcpp.write_barcode_to_image(barcode, scale=scale))
    if kind == "code128":  # a linear code comes one module high: give it height, as printed
        image = np.repeat(image[:1], 80, axis=0) if image.shape[0] < 10 else image
    return image


def frame_with(code: np.ndarray, *, seed: int, angle: float = 0.0, noise: float = 0.0, blur: int = 0,
               size: tuple[int, int] = (480, 640)) -> np.ndarray:
    """A BGR camera-like frame: grey paper background, the code somewhere, rotated, blurred and noisy."""
    rng = np.random.default_rng(seed)
    height, width = size
    frame = np.full((height, width), 200, np.float32)
    h, w = code.shape
    y, x = int(rng.integers(40, height - h - 40)), int(rng.integers(40, width - w - 40))
    frame[y : y + h, x : x + w] = code.astype(np.float32) * (230 / 255) + 10
    if angle:
        rotation = cv2.getRotationMatrix2D((x + w / 2, y + h / 2), angle, 1.0)
        frame = cv2.warpAffine(frame, rotation, (width, height), borderValue=200)
    if blur:
        frame = cv2.GaussianBlur(frame, (0, 0), blur)
    if noise:
        frame = frame + rng.normal(0, noise, frame.shape)
    grey = np.clip(frame, 0, 255).astype(np.uint8)
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize("text", ["1234567890", "VNR 1234567890", "VNR:1234567890"])
def test_each_format_and_form_is_read_from_a_clean_frame(kind: str, text: str) -> None:
    event = read_frame(frame_with(code_image(text, kind), seed=1))
    assert isinstance(event, ReaderResult) and str(event.vnumber) == "1234567890"
    assert event.source == "camera" and event.raw == text


@pytest.mark.parametrize(("kind", "angle", "noise", "blur", "seed"), [
    ("qr", 23.0, 12.0, 1, 2),
    ("qr", -61.0, 20.0, 0, 3),
    ("qr", 90.0, 8.0, 1.5, 4),
    ("datamatrix", 37.0, 12.0, 1, 5),
    ("code128", 8.0, 10.0, 1, 6),
    ("code128", 180.0, 15.0, 0, 7),
])
def test_rotated_noisy_blurred_frames(kind: str, angle: float, noise: float, blur: float, seed: int) -> None:
    frame = frame_with(code_image("VNR 0612345678", kind), seed=seed, angle=angle, noise=noise, blur=blur)
    event = read_frame(frame)
    assert isinstance(event, ReaderResult) and str(event.vnumber) == "0612345678"


def test_grey_frames_are_read_too() -> None:
    frame = cv2.cvtColor(frame_with(code_image("1234567890", "qr"), seed=8), cv2.COLOR_BGR2GRAY)
    assert decode_frame(frame) == ["1234567890"]


def test_mrz_in_a_qr_code() -> None:
    mrz = compose_td1(document_code="IR", issuing_state="NLD", document_number="QR1234567", birth_date="990101",
                      sex="M", expiry_date="300101", nationality="AFG", primary_identifier="RAHIMI",
                      optional_data_1="2223334445")
    event = read_frame(frame_with(code_image("\n".join(mrz), "qr", scale=3), seed=9))
    assert isinstance(event, ReaderResult) and str(event.vnumber) == "2223334445"


def test_frames_without_a_code_give_nothing() -> None:
    rng = np.random.default_rng(10)
    assert read_frame(rng.integers(0, 256, (240, 320, 3), dtype=np.uint8)) is None
    assert read_frame(np.zeros((4, 4), np.uint8)) is None


def test_codes_without_a_vnumber_give_typed_errors() -> None:
    assert isinstance(read_frame(frame_with(code_image("https://example.org", "qr"), seed=11)), BarcodePayloadError)
    assert isinstance(read_frame(frame_with(code_image("VNR 12345", "code128"), seed=12)), InvalidVNumberError)


def test_unusable_frames_are_refused() -> None:
    with pytest.raises(ReaderError, match="uint8"):
        decode_frame(np.zeros((10, 10), np.float32))
    with pytest.raises(ReaderError, match="shape"):
        decode_frame(np.zeros((10, 10, 2), np.uint8))


@pytest.fixture
def video(tmp_path: Path) -> Path:
    """A real MJPEG video: 10 blank frames, 15 with a QR code, 10 blank, 15 with another code."""
    path = tmp_path / "camera.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (640, 480))
    if not writer.isOpened():
        pytest.skip("this OpenCV build cannot write MJPEG video")
    blank = np.full((480, 640, 3), 200, np.uint8)
    first = frame_with(code_image("VNR 1234567890", "qr"), seed=13, angle=10, noise=5)
    second = frame_with(code_image("0987654321", "datamatrix"), seed=14, noise=5)
    for frame in [blank] * 10 + [first] * 15 + [blank] * 10 + [second] * 15:
        writer.write(frame)
    writer.release()
    return path


def test_camera_reader_delivers_each_code_once_while_in_view(video: Path) -> None:
    reader = CameraReader(OpenCvFrameSource(str(video)), holdoff=3.0)
    reader.start()
    assert reader.finished.wait(timeout=30)
    reader.stop()
    events = []
    while not reader.events.empty():
        events.append(reader.events.get_nowait())
    assert [str(e.vnumber) for e in events] == ["1234567890", "0987654321"]
    assert all(isinstance(e, ReaderResult) and e.source == "camera" for e in events)


def test_missing_camera_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ReaderUnavailableError, match="cannot open"):
        CameraReader(OpenCvFrameSource(str(tmp_path / "no-such-video.avi"))).start()


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_a_frame_too_blurred_to_read_gives_nothing_rather_than_a_wrong_number(kind: str) -> None:
    frame = frame_with(code_image("VNR 0612345678", kind), seed=15, angle=20, noise=10, blur=3)
    assert read_frame(frame) is None
