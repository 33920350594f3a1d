"""``ZfmScanner``: the ZFM / R30x / AS608 optical scanners over a serial port (pyserial).

Blocking, one thread (see :mod:`drivers.worker`); :meth:`cancel` may be called from any thread. Every read is
bounded in time and size; a lost device (serial error, end of file) is a :class:`DeviceRemovedError`.
"""

from __future__ import annotations

import contextlib
import logging
import termios
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import serial

from drivers.capture import Capture, DeviceInfo
from drivers.errors import (
    CaptureCancelled,
    CaptureTimeoutError,
    DeviceBusyError,
    DeviceError,
    DeviceRemovedError,
    DeviceTimeoutError,
    ProtocolError,
)
from drivers.scanner import PreviewCallback, Scanner
from drivers.zfm import image as zimage
from drivers.zfm import parameters as p
from drivers.zfm.protocol import Packet, PacketReader, encode_packet
from drivers.zfm.status import error_for

log = logging.getLogger(__name__)
_COMMAND_NAMES = {v: k[4:] for k, v in vars(p).items() if k.startswith("CMD_")}


@dataclass(frozen=True)
class SystemParameters:
    status_register: int
    system_id: int
    library_size: int
    security_level: int
    address: int
    packet_size: int  # bytes per data packet
    baudrate: int

    @classmethod
    def decode(cls, data: bytes) -> SystemParameters:
        if len(data) < 16:
            raise ProtocolError(f"ReadSysPara answer has {len(data)} parameter bytes, expected 16")
        words = [int.from_bytes(data[i:i + 2], "big") for i in (0, 2, 4, 6, 12, 14)]
        code = words[4]
        if code >= len(p.PACKET_SIZES):
            raise ProtocolError(f"ReadSysPara: packet size code {code} is not 0..3")
        return cls(words[0], words[1], words[2], words[3], int.from_bytes(data[8:12], "big"),
                   p.PACKET_SIZES[code], words[5] * p.BAUD_UNIT)


class ZfmScanner(Scanner):
    """A ZFM-protocol scanner on ``port``. ``autobaud`` probes the other rates when the configured one is silent."""

    def __init__(self, port: str, baudrate: int = p.DEFAULT_BAUDRATE, address: int = p.DEFAULT_ADDRESS,
                 password: int = p.DEFAULT_PASSWORD, *, autobaud: bool = False, packet_size: int | None = None,
                 device_quality: bool = True, placement_check: bool = True,
                 image_timeout: float | None = None) -> None:
        super().__init__()
        if baudrate not in p.BAUDRATES:
            raise ValueError(f"baud rate {baudrate} is not a multiple of 9600 from 9600 to 115200")
        if packet_size is not None and packet_size not in p.PACKET_SIZES:
            raise ValueError(f"packet size {packet_size} is not one of {p.PACKET_SIZES}")
        self.port, self.baudrate, self.address, self.password = port, baudrate, address, password
        self.autobaud, self.packet_size_wanted = autobaud, packet_size
        self.device_quality, self.placement_check, self.image_timeout = device_quality, placement_check, image_timeout
        self._serial: serial.Serial | None = None
        self._reader = PacketReader(self._read, address)
        self._dirty = False
        self.params: SystemParameters | None = None

    # --- connection ------------------------------------------------------------------------------------------
    def open(self) -> None:
        if self._serial is not None:
            return
        rates = [self.baudrate] + ([r for r in (57600, 115200, *p.BAUDRATES) if r != self.baudrate]
                                   if self.autobaud else [])
        last: DeviceError | None = None
        for attempt, rate in enumerate(dict.fromkeys(rates)):
            self._connect(rate)
            try:
                self.verify_password(timeout=p.PROBE_TIMEOUT if attempt else p.COMMAND_TIMEOUT)
                self.baudrate = rate
                break
            except (DeviceTimeoutError, ProtocolError) as exc:
                last = exc
                self.close()
            except DeviceError:
                self.close()
                raise
        else:
            assert last is not None
            raise last
        try:
            self.params = self.read_system_parameters()
            if self.packet_size_wanted and self.params.packet_size != self.packet_size_wanted:
                self.set_system_parameter(p.REG_PACKET_SIZE, p.PACKET_SIZES.index(self.packet_size_wanted))
                self.params = self.read_system_parameters()
        except DeviceError:
            self.close()
            raise
        log.info("zfm scanner on %s at %d baud: %s", self.port, self.baudrate, self.params)

    def _connect(self, rate: int) -> None:
        try:
            self._serial = serial.Serial(self.port, rate, timeout=0, write_timeout=p.COMMAND_TIMEOUT,
                                         exclusive=True)
        except (serial.SerialException, OSError, ValueError) as exc:
            if "lock" in str(exc).lower():
                raise DeviceBusyError(f"{self.port} is in use by another program: {exc}") from exc
            raise DeviceRemovedError(f"cannot open {self.port}: {exc}") from exc
        self._dirty = False

    def close(self) -> None:
        ser, self._serial = self._serial, None
        if ser is not None:
            with contextlib.suppress(Exception):
                ser.close()

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    def info(self) -> DeviceInfo:
        sysid = f" system id {self.params.system_id:#06x}" if self.params else ""
        return DeviceInfo(driver="zfm", vendor="ZhianTec-compatible", model=f"ZFM/R30x{sysid}",
                          serial=f"{self.address:08X}@{self.port}", firmware="",
                          resolution_dpi=p.RESOLUTION_DPI, image_width=p.IMAGE_WIDTH, image_height=p.IMAGE_HEIGHT)

    # --- raw I/O ---------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _io(self) -> Iterator[serial.Serial]:
        if self._serial is None:
            raise DeviceRemovedError(f"{self.port} is not open")
        try:
            yield self._serial
        except (serial.SerialException, OSError, termios.error) as exc:
            self.close()
            raise DeviceRemovedError(f"{self.port}: {exc}") from exc

    def _read(self, n: int, timeout: float) -> bytes:
        with self._io() as ser:
            ser.timeout = timeout
            return ser.read(n)

    def _send(self, pid: int, payload: bytes) -> None:
        with self._io() as ser:
            if self._dirty:
                self._drain(ser)
            ser.reset_input_buffer()
            ser.write(encode_packet(pid, payload, self.address))
            ser.flush()

    def _drain(self, ser: serial.Serial) -> None:
        """After an aborted exchange: discard what the device still sends, until it is quiet."""
        end = time.monotonic() + p.DRAIN_MAX
        ser.timeout = p.DRAIN_QUIET
        while time.monotonic() < end and ser.read(4096):
            pass
        self._dirty = False

    def _receive(self, timeout: float, expect: tuple[int, ...]) -> Packet:
        try:
            return self._reader.read_packet(timeout, expect)
        except (ProtocolError, DeviceTimeoutError):
            self._dirty = True
            raise

    def command(self, code: int, args: bytes = b"", *, timeout: float = p.COMMAND_TIMEOUT,
                ok: tuple[int, ...] = (p.ST_OK,)) -> tuple[int, bytes]:
        """Send instruction ``code``; returns (status, rest of the answer). Status not in ``ok`` raises."""
        name = _COMMAND_NAMES.get(code, f"0x{code:02x}")
        self._send(p.PID_COMMAND, bytes([code]) + args)
        try:
            ack = self._receive(timeout, (p.PID_ACK,))
        except DeviceTimeoutError as exc:
            raise DeviceTimeoutError(f"{name}: {exc} within {timeout:.1f} s") from exc
        if not ack.payload:
            raise ProtocolError(f"{name}: empty acknowledgement")
        status = ack.payload[0]
        if status not in ok:
            raise error_for(status, name)
        return status, ack.payload[1:]

    def _receive_data(self, limit: int, name: str, check_cancel: bool = False) -> bytes:
        size = self.params.packet_size if self.params else p.PACKET_SIZES[-1]
        timeout = self.image_timeout or p.transfer_timeout(limit, self.baudrate, size)
        deadline = time.monotonic() + timeout
        data = bytearray()
        while True:
            if check_cancel and self._cancel.is_set():
                self._dirty = True
                raise CaptureCancelled(f"{name} cancelled after {len(data)} bytes")
            left = deadline - time.monotonic()
            if left <= 0:
                self._dirty = True
                raise DeviceTimeoutError(f"{name}: {len(data)} of {limit} bytes within {timeout:.1f} s")
            try:
                packet = self._receive(left, (p.PID_DATA, p.PID_END))
            except DeviceTimeoutError as exc:
                raise DeviceTimeoutError(f"{name}: stalled after {len(data)} of {limit} bytes "
                                         f"(allowed {timeout:.1f} s): {exc}") from exc
            if len(packet.payload) > size or len(data) + len(packet.payload) > limit:
                self._dirty = True
                raise ProtocolError(f"{name}: data packet of {len(packet.payload)} bytes after {len(data)} "
                                    f"(packet size {size}, at most {limit} bytes in all)")
            data += packet.payload
            if packet.pid == p.PID_END:
                return bytes(data)

    # --- commands --------------------------------------------------------------------------------------------
    def verify_password(self, timeout: float = p.COMMAND_TIMEOUT) -> None:
        self.command(p.CMD_VFY_PWD, self.password.to_bytes(4, "big"), timeout=timeout)

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
        self.command(p.CMD_UP_CHAR, bytes([buffer]))
        return self._receive_data(p.CHAR_SIZE, "UpChar")

    def down_char(self, data: bytes, buffer: int = 1) -> None:
        size = self.params.packet_size if self.params else p.PACKET_SIZES[2]
        self.command(p.CMD_DOWN_CHAR, bytes([buffer]))
        chunks = [data[i:i + size] for i in range(0, len(data), size)] or [b""]
        for i, chunk in enumerate(chunks):
            self._send(p.PID_END if i == len(chunks) - 1 else p.PID_DATA, chunk)

    def up_image(self, check_cancel: bool = False) -> bytes:
        self.command(p.CMD_UP_IMAGE)
        data = self._receive_data(p.IMAGE_BYTES, "UpImage", check_cancel)
        if len(data) != p.IMAGE_BYTES:
            raise ProtocolError(f"UpImage: {len(data)} bytes, expected {p.IMAGE_BYTES}")
        return data

    # --- the Scanner contract --------------------------------------------------------------------------------
    def capture(self, finger_position: int = 0, *, timeout: float = 20.0,
                preview: PreviewCallback | None = None) -> Capture:
        self._begin()
        self.open()
        started = datetime.now(UTC)
        deadline = time.monotonic() + timeout
        while not self.gen_img():
            if self._cancel.is_set():
                raise CaptureCancelled("cancelled while waiting for a finger")
            if time.monotonic() >= deadline:
                raise CaptureTimeoutError(f"no finger within {timeout:.0f} s")
            if self._cancel.wait(p.POLL_INTERVAL):
                raise CaptureCancelled("cancelled while waiting for a finger")
        if self.device_quality:
            self.img2tz(1)
        picture = zimage.unpack(self.up_image(check_cancel=True))
        if preview is not None:
            preview(picture)
        if self.placement_check:
            zimage.check_placement(picture)
        return Capture(picture, p.RESOLUTION_DPI, self.info(), finger_position, started, datetime.now(UTC))

    def self_test(self) -> str:
        self.open()
        self.verify_password()
        params = self.read_system_parameters()
        count = self.template_count()
        return (f"ZFM on {self.port} at {self.baudrate} baud: system id {params.system_id:#06x}, "
                f"{count}/{params.library_size} templates, packets of {params.packet_size} bytes: ok")
