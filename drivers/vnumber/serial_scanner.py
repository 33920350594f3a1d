"""A barcode scanner on a serial port (RS-232 or USB-CDC, pyserial): one code per CR/LF-ended line.

A reader thread owns the port (all device I/O on one thread); each line is decoded as ASCII and parsed
with :func:`parse_payload`; the result or typed error goes to the callback. Losing the port (unplugged)
emits :class:`ReaderUnavailableError` and ends the thread.
"""

from __future__ import annotations

import serial

from drivers.vnumber.errors import ReaderUnavailableError, ScanLineError
from drivers.vnumber.lines import Line, LineAssembler, MrzLineGrouper
from drivers.vnumber.parameters import MAX_LINE_BYTES, SERIAL_BAUDRATE, SERIAL_READ_TIMEOUT_S
from drivers.vnumber.reader import ReaderCallback, ThreadedReader

__all__ = ["SerialBarcodeReader"]


class SerialBarcodeReader(ThreadedReader):
    source = "serial-barcode"

    def __init__(self, port: str, on_event: ReaderCallback | None = None, *, baudrate: int = SERIAL_BAUDRATE,
                 max_line_bytes: int = MAX_LINE_BYTES) -> None:
        super().__init__(on_event)
        self.port = port
        self.baudrate = baudrate
        self._max_line = max_line_bytes
        self._serial: serial.Serial | None = None

    def _start(self) -> None:
        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=SERIAL_READ_TIMEOUT_S)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise ReaderUnavailableError(f"cannot open barcode scanner port {self.port}: {exc}") from exc
        self._spawn(f"barcode-{self.port}")

    def _stop(self) -> None:
        self._halt_thread()
        if self._serial is not None:
            self._serial.close()
            self._serial = None

    def _run(self) -> None:
        assembler = LineAssembler(self._max_line)
        grouper = MrzLineGrouper()
        port = self._serial
        assert port is not None
        while not self._halt.is_set():
            try:
                chunk = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError, TypeError) as exc:
                if not self._halt.is_set():
                    self._emit(ReaderUnavailableError(f"barcode scanner on {self.port} stopped answering: {exc}"))
                return
            for item in assembler.feed(chunk):
                if isinstance(item, Line):
                    self._line(item.data, grouper)
                else:
                    self._emit(ScanLineError(f"a scanner line of {item.length}+ bytes without CR/LF was dropped"))

    def _line(self, data: bytes, grouper: MrzLineGrouper) -> None:
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError as exc:
            self._emit(ScanLineError(f"scanner line has a non-ASCII byte at position {exc.start + 1}"))
            return
        dropped = grouper.dropped
        ready = grouper.push(text)
        if grouper.dropped > dropped:
            self._emit(ScanLineError("an incomplete MRZ (fewer than 3 lines) was interrupted and dropped"))
        if ready is not None:
            self._deliver_text(ready)
