"""Read a V-number from a camera: decode Code 128, QR or Data Matrix codes in OpenCV frames (zxing-cpp).

:func:`read_frame` is the pure step (one frame in, a result, a typed error or nothing out);
:class:`CameraReader` runs it on a thread over an :class:`OpenCvFrameSource` (a ``cv2.VideoCapture`` on
a camera index or a video file), at most every ``CAMERA_FRAME_INTERVAL_S`` to spare the CPU, and
delivers each distinct code once while it stays in view.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
import zxingcpp

from drivers.errors import ReaderError
from drivers.vnumber.errors import ReaderUnavailableError
from drivers.vnumber.parameters import CAMERA_FORMATS, CAMERA_FRAME_INTERVAL_S, CAMERA_REPEAT_HOLDOFF_S
from drivers.vnumber.payload import parse_payload
from drivers.vnumber.reader import ReaderCallback, ReaderEvent, ReaderResult, ThreadedReader

__all__ = ["CameraReader", "OpenCvFrameSource", "decode_frame", "read_frame"]

SOURCE = "camera"
_FORMATS = zxingcpp.barcode_formats_from_str(",".join(CAMERA_FORMATS))


def _as_decodable(frame: np.ndarray) -> np.ndarray:
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8:
        raise ReaderError(f"a camera frame is a uint8 numpy array, got {getattr(frame, 'dtype', type(frame))}")
    if frame.ndim == 2 or (frame.ndim == 3 and frame.shape[2] == 3):
        return np.ascontiguousarray(frame)
    if frame.ndim == 3 and frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR)
    raise ReaderError(f"a camera frame is H x W grey or H x W x 3 BGR, got shape {frame.shape}")


def decode_frame(frame: np.ndarray) -> list[str]:
    """The texts of every accepted barcode found in ``frame`` (grey or BGR), in zxing-cpp's order."""
    image = _as_decodable(frame)
    if min(image.shape[:2]) < 8:
        return []
    return [b.text for b in zxingcpp.read_barcodes(image, formats=_FORMATS) if b.valid and b.text]


def read_frame(frame: np.ndarray) -> ReaderEvent | None:
    """The V-number in the frame, the error of the first code that holds none, or None without codes."""
    first_error: ReaderError | None = None
    for text in decode_frame(frame):
        try:
            return ReaderResult(parse_payload(text), SOURCE, text)
        except ReaderError as exc:
            first_error = first_error or exc
    return first_error


class OpenCvFrameSource:
    """Frames from ``cv2.VideoCapture``: a camera index (live) or a video file/URL (ends)."""

    def __init__(self, source: int | str) -> None:
        self.source = source
        self.live = isinstance(source, int)
        self._capture: cv2.VideoCapture | None = None

    def open(self) -> None:
        capture = cv2.VideoCapture(self.source)
        if not capture.isOpened():
            capture.release()
            raise ReaderUnavailableError(f"cannot open camera/video {self.source!r}")
        self._capture = capture

    def read(self) -> np.ndarray | None:
        """The next frame, or None when the video ended or the camera stopped delivering."""
        if self._capture is None:
            return None
        ok, frame = self._capture.read()
        return frame if ok else None

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


class CameraReader(ThreadedReader):
    source = SOURCE

    def __init__(self, frames: OpenCvFrameSource, on_event: ReaderCallback | None = None, *,
                 interval: float = CAMERA_FRAME_INTERVAL_S, holdoff: float = CAMERA_REPEAT_HOLDOFF_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(on_event)
        self.frames = frames
        self.interval = interval
        self.holdoff = holdoff
        self._clock = clock
        #: Set when the thread ended on its own (the video ended or the camera was lost).
        self.finished = threading.Event()

    def _start(self) -> None:
        self.frames.open()
        self.finished.clear()
        self._spawn("camera-reader")

    def _stop(self) -> None:
        self._halt_thread()
        self.frames.close()

    def _run(self) -> None:
        last_seen: dict[str, float] = {}
        while not self._halt.is_set():
            frame = self.frames.read()
            if frame is None:
                if self.frames.live and not self._halt.is_set():
                    self._emit(ReaderUnavailableError(f"camera {self.frames.source!r} stopped delivering frames"))
                break
            event = read_frame(frame)
            if event is not None:
                key = event.raw if isinstance(event, ReaderResult) else f"{type(event).__name__}:{event}"
                now = self._clock()
                if now - last_seen.get(key, -np.inf) >= self.holdoff:
                    self._emit(event)
                last_seen[key] = now
            if self.frames.live:
                self._halt.wait(self.interval)
        self.finished.set()
