"""The ``[vnumber_reader]`` table of the settings file: which device, besides the keypad, reads a V-number.

``kind = "none"`` (the embedded default): the keypad only. ``"serial"``: a barcode scanner on the serial
``port`` at ``baudrate`` (:class:`~drivers.vnumber.serial_scanner.SerialBarcodeReader`). ``"camera"``: the
camera with OpenCV index ``camera`` (:class:`~drivers.vnumber.camera.CameraReader`). A bad value is a
:class:`~enrollment.errors.SettingsError` naming the file, the key and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drivers.vnumber.parameters import SERIAL_BAUDRATE
from drivers.vnumber.reader import ReaderCallback, VNumberReader
from enrollment.settings_file import check, checked_section, typed

#: The name of this section's table in the settings file.
TABLE = "vnumber_reader"
KINDS = ("none", "serial", "camera")


@dataclass(frozen=True)
class VNumberReaderSettings:
    kind: str = "none"
    port: str = ""
    baudrate: int = SERIAL_BAUDRATE
    camera: int = 0

    @property
    def configured(self) -> bool:
        """A reader besides the keypad is set up."""
        return self.kind != "none"

    def make_reader(self, on_event: ReaderCallback) -> VNumberReader | None:
        """The configured reader (not started) calling ``on_event`` from its thread; None for ``"none"``."""
        if self.kind == "serial":
            from drivers.vnumber.serial_scanner import SerialBarcodeReader

            return SerialBarcodeReader(self.port, on_event, baudrate=self.baudrate)
        if self.kind == "camera":
            from drivers.vnumber.camera import CameraReader, OpenCvFrameSource  # OpenCV only when configured

            return CameraReader(OpenCvFrameSource(self.camera), on_event)
        return None


def vnumber_reader_settings(raw: Any, source: str) -> VNumberReaderSettings:
    """The ``[vnumber_reader]`` table ``raw`` of the file ``source`` checked into :class:`VNumberReaderSettings`."""
    s = checked_section(typed(raw, dict, source, TABLE), VNumberReaderSettings, source, f"{TABLE}.")
    check(s.kind in KINDS, f"kind must be one of {', '.join(KINDS)}", source, f"{TABLE}.kind")
    if s.kind == "serial":
        check(bool(s.port), "a serial barcode reader needs a serial port, e.g. /dev/ttyACM0", source, f"{TABLE}.port")
    check(s.baudrate > 0, "baudrate must be positive", source, f"{TABLE}.baudrate")
    check(s.camera >= 0, "camera must be an OpenCV camera index (0, 1, ...)", source, f"{TABLE}.camera")
    return s
