"""``ZfmScanner``: the ZFM / R30x / AS608 optical scanners over a serial port (pyserial).

Blocking, one thread (see :mod:`drivers.worker`); :meth:`cancel` may be called from any thread. Every read is
bounded in time and size; a lost device (serial error, end of file) is a :class:`DeviceRemovedError`.

The link to the module (deadlines, resending, draining, uploads) is :class:`drivers.zfm.link.ZfmLink`; this
class is what the module is asked to do: the handshake, its instruction set, a capture and a self-test. A damaged
or stalled image transfer is asked for again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from drivers.capture import Capture, DeviceInfo
from drivers.errors import (
    CaptureCancelled,
    CaptureTimeoutError,
    DeviceError,
    DeviceTimeoutError,
    ProtocolError,
)
from drivers.scanner import PreviewCallback, Scanner
from drivers.zfm import image as zimage
from drivers.zfm import parameters as p
from drivers.zfm.link import ZfmLink
from drivers.zfm.system_parameters import SystemParameters

log = logging.getLogger(__name__)


class ZfmScanner(ZfmLink, Scanner):
    """A ZFM-protocol scanner on ``port``. ``autobaud`` probes the other rates when the configured one is silent."""

    def __init__(self, port: str, baudrate: int = p.DEFAULT_BAUDRATE, address: int = p.DEFAULT_ADDRESS,
                 password: int = p.DEFAULT_PASSWORD, *, autobaud: bool = False, packet_size: int | None = None,
                 device_quality: bool = True, placement_check: bool = True,
                 image_timeout: float | None = None) -> None:
        if baudrate not in p.BAUDRATES:
            raise ValueError(f"baud rate {baudrate} is not a multiple of 9600 from 9600 to 115200")
        if packet_size is not None and packet_size not in p.PACKET_SIZES:
            raise ValueError(f"packet size {packet_size} is not one of {p.PACKET_SIZES}")
        ZfmLink.__init__(self, port, baudrate, address, image_timeout=image_timeout)
        Scanner.__init__(self)
        self.password, self.autobaud, self.packet_size_wanted = password, autobaud, packet_size
        self.device_quality, self.placement_check = device_quality, placement_check

    # --- connection ------------------------------------------------------------------------------------------
    def open(self) -> None:
        """Open the port and handshake, within ``OPEN_TIMEOUT`` (or the running operation's deadline)."""
        if self._serial is not None:
            return
        with self._operation(p.OPEN_TIMEOUT) as deadline:
            self._handshake(deadline)
            try:
                self.params = self.read_system_parameters()
                if self.packet_size_wanted and self.params.packet_size != self.packet_size_wanted:
                    self.set_system_parameter(p.REG_PACKET_SIZE, p.PACKET_SIZES.index(self.packet_size_wanted))
                    self.params = self.read_system_parameters()
            except DeviceError:
                self.close()
                raise
        log.info("zfm scanner on %s at %d baud: %s", self.port, self.baudrate, self.params)


    def _handshake(self, deadline: float) -> None:
        """VfyPwd at the configured rate (sent again once), then with ``autobaud`` one probe at each other rate."""
        rates = [self.baudrate] + ([r for r in (57600, 115200, *p.BAUDRATES) if r != self.baudrate]
                                   if self.autobaud else [])
        last: DeviceError | None = None
        tried: list[str] = []
        for attempt, rate in enumerate(dict.fromkeys(rates)):
            if attempt and time.monotonic() >= deadline:
                break
            self._connect(rate)
            tried.append(str(rate))
            try:
                if attempt:
                    self.command(p.CMD_VFY_PWD, self.password.to_bytes(4, "big"), timeout=p.PROBE_TIMEOUT,
                                 attempts=1)
                else:
                    self.command(p.CMD_VFY_PWD, self.password.to_bytes(4, "big"), attempts=2)
                self.baudrate = rate
                return
            except (DeviceTimeoutError, ProtocolError) as exc:
                last = exc
                self.close()
            except DeviceError:
                self.close()
                raise
        assert last is not None
        raise type(last)(f"{self.port}: no answer to the handshake at {', '.join(tried)} baud: {last}")


    def info(self) -> DeviceInfo:
        sysid = f" system id {self.params.system_id:#06x}" if self.params else ""
        return DeviceInfo(driver="zfm", vendor="ZhianTec-compatible", model=f"ZFM/R30x{sysid}",
                          serial=f"{self.address:08X}@{self.port}", firmware="",
                          resolution_dpi=p.RESOLUTION_DPI, image_width=p.IMAGE_WIDTH, image_height=p.IMAGE_HEIGHT)

    # --- deadlines -------------------------------------------------------------------------------------------
    # --- commands --------------------------------------------------------------------------------------------
    def verify_password(self) -> None:
        self.command(p.CMD_VFY_PWD, self.password.to_bytes(4, "big"))

    def read_system_parameters(self) -> SystemParameters:
        return SystemParameters.decode(self.command(p.CMD_READ_SYS_PARA)[1])

    def set_system_parameter(self, register: int, value: int) -> None:
        self.command(p.CMD_SET_SYS_PARA, bytes([register, value]))

    def set_baudrate(self, rate: int) -> None:
        """Switch the module (SetSysPara) and this port to ``rate``; the module keeps it across power cycles."""
        if rate not in p.BAUDRATES:
            raise ValueError(f"baud rate {rate} is not a multiple of 9600 from 9600 to 115200")
        self.set_system_parameter(p.REG_BAUD, rate // p.BAUD_UNIT)
        with self._io() as ser:
            ser.baudrate = rate
        self.baudrate = rate
        self.verify_password()
        self.params = self.read_system_parameters()

    def gen_img(self) -> bool:
        """Take an image into the image buffer; False when no finger is on the glass."""
        return self.command(p.CMD_GEN_IMG, ok=(p.ST_OK, p.ST_NO_FINGER))[0] == p.ST_OK

    def img2tz(self, buffer: int = 1) -> None:
        self.command(p.CMD_IMG2TZ, bytes([buffer]))

    def reg_model(self) -> None:
        self.command(p.CMD_REG_MODEL)

    def store(self, page: int, buffer: int = 1) -> None:
        self.command(p.CMD_STORE, bytes([buffer]) + page.to_bytes(2, "big"))

    def load_char(self, page: int, buffer: int = 1) -> None:
        self.command(p.CMD_LOAD_CHAR, bytes([buffer]) + page.to_bytes(2, "big"))

    def delete(self, page: int, count: int = 1) -> None:
        self.command(p.CMD_DELETE, page.to_bytes(2, "big") + count.to_bytes(2, "big"))

    def empty(self) -> None:
        self.command(p.CMD_EMPTY)

    def template_count(self) -> int:
        rest = self.command(p.CMD_TEMPLATE_NUM)[1]
        if len(rest) < 2:
            raise ProtocolError("TemplateNum answer too short")
        return int.from_bytes(rest[:2], "big")

    def used_slots(self) -> list[int]:
        """Library pages holding a template (ReadIndexTable over the four index pages)."""
        size = self.params.library_size if self.params else p.LIBRARY_SIZE
        used = []
        for page in range(-(-size // p.INDEX_PAGE_SLOTS)):
            bits = self.command(p.CMD_READ_INDEX_TABLE, bytes([page]))[1]
            used += [page * p.INDEX_PAGE_SLOTS + i * 8 + k for i, byte in enumerate(bits) for k in range(8)
                     if byte >> k & 1]
        return used

    def search(self, buffer: int = 1, start: int = 0, count: int | None = None) -> tuple[int, int] | None:
        """(page, score) of the best library template for the characteristic in ``buffer``; None if none."""
        count = count if count is not None else (self.params.library_size if self.params else p.LIBRARY_SIZE)
        status, rest = self.command(p.CMD_SEARCH, bytes([buffer]) + start.to_bytes(2, "big")
                                    + count.to_bytes(2, "big"), ok=(p.ST_OK, p.ST_NOT_FOUND))
        if status == p.ST_NOT_FOUND:
            return None
        if len(rest) < 4:
            raise ProtocolError("Search answer too short")
        return int.from_bytes(rest[:2], "big"), int.from_bytes(rest[2:4], "big")

    def match(self) -> int:
        """Score of character buffer 1 against 2; 0 when they do not match."""
        status, rest = self.command(p.CMD_MATCH, ok=(p.ST_OK, p.ST_NO_MATCH))
        return int.from_bytes(rest[:2], "big") if status == p.ST_OK and len(rest) >= 2 else 0

    def up_char(self, buffer: int = 1) -> bytes:
        """The characteristic in ``buffer``; a damaged or stalled transfer is asked for again."""
        def upload() -> bytes:
            self.command(p.CMD_UP_CHAR, bytes([buffer]))
            return self._receive_data(p.CHAR_SIZE, "UpChar")

        with self._operation(p.OPERATION_TIMEOUT):
            return self._transfer(upload)

    def down_char(self, data: bytes, buffer: int = 1) -> None:
        size = self.params.packet_size if self.params else p.PACKET_SIZES[2]
        self.command(p.CMD_DOWN_CHAR, bytes([buffer]))
        chunks = [data[i:i + size] for i in range(0, len(data), size)] or [b""]
        for i, chunk in enumerate(chunks):
            self._send(p.PID_END if i == len(chunks) - 1 else p.PID_DATA, chunk)

    def up_image(self, cancel: threading.Event | None = None) -> bytes:
        """The image buffer, one try (see :meth:`_transfer` for asking again)."""
        self.command(p.CMD_UP_IMAGE)
        data = self._receive_data(p.IMAGE_BYTES, "UpImage", cancel)
        if len(data) != p.IMAGE_BYTES:
            raise ProtocolError(f"UpImage: {len(data)} bytes, expected {p.IMAGE_BYTES}")
        return data

    def _transfer(self, upload: Callable[[], bytes]) -> bytes:
        """``upload()``, tried again after a damaged or stalled transfer while the operation has time left
        (the module keeps its buffers, so it sends the same data again)."""
        for attempt in range(1, p.TRANSFER_ATTEMPTS + 1):
            try:
                return upload()
            except (ProtocolError, DeviceTimeoutError) as exc:
                if attempt == p.TRANSFER_ATTEMPTS or self._left() <= p.GEN_IMG_TIME:
                    raise
                log.info("%s: %s; asking for the data again", self.port, exc)
        raise AssertionError("unreachable")

    # --- the Scanner contract --------------------------------------------------------------------------------
    def capture(self, finger_position: int = 0, *, timeout: float = 20.0,
                preview: PreviewCallback | None = None) -> Capture:
        """One image within ``timeout`` seconds in all: opening, waiting for the finger, the image transfer
        (about 7 s at 57600 baud on a real module) and any resending after noise or silence."""
        if not timeout > 0:
            raise ValueError(f"capture timeout must be positive, not {timeout}")
        self._begin()
        with self._operation(timeout):
            self.open()
            started = datetime.now(UTC)
            while not self.gen_img():
                if self._cancel.is_set():
                    raise CaptureCancelled("cancelled while waiting for a finger")
                if self._left() < p.POLL_INTERVAL + p.GEN_IMG_TIME:
                    raise CaptureTimeoutError(f"no finger within {timeout:.0f} s")
                if self._cancel.wait(p.POLL_INTERVAL):
                    raise CaptureCancelled("cancelled while waiting for a finger")
            if self.device_quality:
                self.img2tz(1)
            picture = zimage.unpack(self._transfer(lambda: self.up_image(cancel=self._cancel)))
        if preview is not None:
            preview(picture)
        if self.placement_check:
            zimage.check_placement(picture)
        return Capture(picture, p.RESOLUTION_DPI, self.info(), finger_position, started, datetime.now(UTC))

    def self_test(self) -> str:
        with self._operation(p.OPERATION_TIMEOUT):
            self.open()
            self.verify_password()
            params = self.read_system_parameters()
            count = self.template_count()
        return (f"ZFM on {self.port} at {self.baudrate} baud: system id {params.system_id:#06x}, "
                f"{count}/{params.library_size} templates, packets of {params.packet_size} bytes: ok")
