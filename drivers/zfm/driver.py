"""``ZfmScanner``: the ZFM / R30x / AS608 optical scanners over a serial port (pyserial).

Blocking, one thread (see :mod:`drivers.worker`); :meth:`cancel` may be called from any thread. Every read is
bounded in time and size; a lost device (serial error, end of file) is a :class:`DeviceRemovedError`.

Each operation (open, capture, self-test, a single command) ends by one deadline. Within it a command whose
answer is silence, noise or a damaged packet is sent again (stale bytes drained first, the answer found by
resynchronising on the packet header), and a damaged or stalled image transfer is asked for again.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import termios
import time
from collections.abc import Callable, Iterator
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
        self._owed = 0  # answers that tries which timed out may still send
        self._deadline: float | None = None  # of the operation running, see _operation
        self.params: SystemParameters | None = None

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

    def _connect(self, rate: int) -> None:
        if not os.path.exists(self.port):
            raise DeviceRemovedError(f"cannot open {self.port}: there is no such port")
        try:
            self._serial = serial.Serial(self.port, rate, timeout=0, write_timeout=p.COMMAND_TIMEOUT,
                                         exclusive=True)
        except (serial.SerialException, OSError, ValueError) as exc:
            if "lock" in str(exc).lower():
                raise DeviceBusyError(f"{self.port} is in use by another program: {exc}") from exc
            raise DeviceRemovedError(f"cannot open {self.port}: {exc}") from exc
        self._dirty, self._owed = False, 0

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

    # --- deadlines -------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _operation(self, seconds: float) -> Iterator[float]:
        """Everything inside ends by one deadline: ``seconds`` from now, or the enclosing operation's if sooner."""
        outer = self._deadline
        deadline = time.monotonic() + seconds
        self._deadline = deadline if outer is None else min(outer, deadline)
        try:
            yield self._deadline
        finally:
            self._deadline = outer

    def _left(self) -> float:
        """Seconds left of the running operation (inside :meth:`_operation` only)."""
        assert self._deadline is not None
        return self._deadline - time.monotonic()

    # --- raw I/O ---------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _io(self) -> Iterator[serial.Serial]:
        if self._serial is None:
            raise DeviceRemovedError(f"{self.port} is not open")
        try:
            yield self._serial
        except serial.SerialTimeoutException as exc:  # the port is there but takes no bytes
            self._dirty = True
            raise DeviceTimeoutError(f"{self.port}: {exc}") from exc
        except (serial.SerialException, OSError, termios.error) as exc:
            self.close()
            raise DeviceRemovedError(f"lost {self.port}: {exc}") from exc

    def _read(self, n: int, timeout: float) -> bytes:
        with self._io() as ser:
            ser.timeout = timeout
            return ser.read(n)

    def _send(self, pid: int, payload: bytes) -> None:
        with self._io() as ser:
            if self._dirty:
                self._drain(ser)
            ser.reset_input_buffer()
            self._reader.clear()
            ser.write(encode_packet(pid, payload, self.address))
            ser.flush()

    def _drain(self, ser: serial.Serial) -> None:
        """After an aborted exchange: discard what the device still sends. Late answers owed to tries that timed
        out are waited for (COMMAND_TIMEOUT in all), so none is taken for the next command's; then the rest
        until the line is quiet for DRAIN_QUIET, at most DRAIN_MAX. Never past the operation's deadline."""
        limit = self._deadline if self._deadline is not None else math.inf
        owed_until = min(time.monotonic() + p.COMMAND_TIMEOUT, limit)
        while self._owed and (left := owed_until - time.monotonic()) > 0:
            try:
                self._reader.find_packet(left, (p.PID_ACK,))
            except (ProtocolError, DeviceTimeoutError):
                break
            self._owed -= 1
        self._owed = 0
        end = min(time.monotonic() + p.DRAIN_MAX, limit)
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
                ok: tuple[int, ...] = (p.ST_OK,), attempts: int = p.COMMAND_ATTEMPTS) -> tuple[int, bytes]:
        """Send instruction ``code``; returns (status, rest of the answer). Status not in ``ok`` raises.

        Each try waits ``timeout`` for the answer, skipping noise and stale packets before it; silence, only
        noise, or a receive-error status sends the command again, up to ``attempts`` tries, all within the
        running operation's deadline (``OPERATION_TIMEOUT`` when there is none)."""
        name = _COMMAND_NAMES.get(code, f"0x{code:02x}")
        failure: DeviceError | None = None
        tries = silent = 0
        try:
            with self._operation(p.OPERATION_TIMEOUT):
                while tries < attempts and (wait := min(timeout, self._left())) > 0:
                    tries += 1
                    self._send(p.PID_COMMAND, bytes([code]) + args)
                    try:
                        ack = self._reader.find_packet(wait, (p.PID_ACK,))
                    except (ProtocolError, DeviceTimeoutError) as exc:
                        self._dirty = True
                        silent += isinstance(exc, DeviceTimeoutError)
                        failure = type(exc)(f"{name}: {exc} within {wait:.1f} s")
                    else:
                        if not ack.payload:
                            raise ProtocolError(f"{name}: empty acknowledgement")
                        status = ack.payload[0]
                        if status not in ok and status == p.ST_RECEIVE_ERROR:  # it could not read our packet
                            failure = error_for(status, name)
                        elif status not in ok:
                            raise error_for(status, name)
                        else:
                            return status, ack.payload[1:]
                    log.info("%s: %s (try %d of %d)", self.port, failure, tries, attempts)
        finally:
            if silent:  # a try that timed out may still be answered: the next command waits for that first
                self._owed, self._dirty = silent, True
        if failure is None:
            raise DeviceTimeoutError(f"{name}: the operation's time ran out before it could be sent")
        raise failure

    def _receive_data(self, limit: int, name: str, check_cancel: bool = False) -> bytes:
        """The data packets of an upload; it ends by its own limit (transfer time at this baud rate, or
        ``image_timeout``) or the running operation's deadline, whichever is sooner."""
        size = self.params.packet_size if self.params else p.PACKET_SIZES[-1]
        timeout = self.image_timeout or p.transfer_timeout(limit, self.baudrate, size)
        started = time.monotonic()
        deadline = min(started + timeout, self._deadline or started + timeout)
        data = bytearray()
        while True:
            if check_cancel and self._cancel.is_set():
                self._dirty = True
                raise CaptureCancelled(f"{name} cancelled after {len(data)} bytes")
            left = deadline - time.monotonic()
            if left <= 0:
                self._dirty = True
                raise DeviceTimeoutError(f"{name}: only {len(data)} of {limit} bytes within "
                                         f"{time.monotonic() - started:.1f} s (the device sends too slowly)")
            try:
                packet = self._receive(min(left, p.PACKET_GAP), (p.PID_DATA, p.PID_END))
            except DeviceTimeoutError as exc:
                if time.monotonic() < deadline:
                    raise DeviceTimeoutError(f"{name}: stalled after {len(data)} of {limit} bytes: {exc}") from exc
                continue  # the time is up: said above
            if len(packet.payload) > size or len(data) + len(packet.payload) > limit:
                self._dirty = True
                raise ProtocolError(f"{name}: data packet of {len(packet.payload)} bytes after {len(data)} "
                                    f"(packet size {size}, at most {limit} bytes in all)")
            data += packet.payload
            if packet.pid == p.PID_END:
                return bytes(data)

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

    def up_image(self, check_cancel: bool = False) -> bytes:
        """The image buffer, one try (see :meth:`_transfer` for asking again)."""
        self.command(p.CMD_UP_IMAGE)
        data = self._receive_data(p.IMAGE_BYTES, "UpImage", check_cancel)
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
            picture = zimage.unpack(self._transfer(lambda: self.up_image(check_cancel=True)))
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
