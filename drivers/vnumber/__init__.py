"""V-number readers: the keypad model, serial and keyboard-wedge barcode scanners, the camera, and TD1 MRZ.

Every reader implements :class:`VNumberReader` (start/stop) and delivers :class:`ReaderResult` or a typed
:class:`~drivers.errors.ReaderError`. The camera reader (OpenCV, zxing-cpp) is imported on its own:
``from drivers.vnumber.camera import CameraReader``.
"""

from drivers.vnumber.keypad import KeypadBuffer, KeypadReader
from drivers.vnumber.mrz import Td1, check_digit, compose_td1, parse_td1
from drivers.vnumber.payload import parse_payload
from drivers.vnumber.reader import ReaderEvent, ReaderResult, VNumberReader
from drivers.vnumber.serial_scanner import SerialBarcodeReader
from drivers.vnumber.wedge import KeyEvent, WedgeAssembler, WedgeReader

__all__ = [
    "KeyEvent",
    "KeypadBuffer",
    "KeypadReader",
    "ReaderEvent",
    "ReaderResult",
    "SerialBarcodeReader",
    "Td1",
    "VNumberReader",
    "WedgeAssembler",
    "WedgeReader",
    "check_digit",
    "compose_td1",
    "parse_payload",
    "parse_td1",
]
