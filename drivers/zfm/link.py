"""The serial link to a ZFM module: packets out and answers in, every exchange bounded by a deadline.

:class:`ZfmLink` owns the port. An operation (:meth:`ZfmLink._operation`) ends by one deadline; within it a
command whose answer is silence, noise or a damaged packet is sent again (stale bytes drained first, the answer
found by resynchronising on the packet header), and a data upload ends by its own transfer-time limit. What the
module is asked to do (the instruction set, the handshake, a capture) is :class:`drivers.zfm.driver.ZfmScanner`.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import termios
import threading
import time
from collections.abc import Iterator

import serial

from drivers.errors import (
    CaptureCancelled,
    DeviceBusyError,
    DeviceError,
    DeviceRemovedError,
    DeviceTimeoutError,
    ProtocolError,
)
from drivers.zfm import parameters as p
from drivers.zfm.protocol import Packet, PacketReader, encode_packet
from drivers.zfm.status import error_for
from drivers.zfm.system_parameters import SystemParameters

log = logging.getLogger(__name__)
_COMMAND_NAMES = {v: k[4:] for k, v in vars(p).items() if k.startswith("CMD_")}


class ZfmLink:
    """The port ``port`` to the module at ``address``: connecting, deadlines, sending a command and receiving its
    answer or a data upload. ``image_timeout`` overrides the computed transfer-time limit of an upload."""

    def __init__(self, port: str, baudrate: int, address: int, *, image_timeout: float | None = None) -> None:
        self.port, self.baudrate, self.address, self.image_timeout = port, baudrate, address, image_timeout
        self._serial: serial.Serial | None = None
        self._reader = PacketReader(self._read, address)
        self._dirty = False
        self._owed = 0  # answers that tries which timed out may still send
        self._deadline: float | None = None  # of the operation running, see _operation
        self.params: SystemParameters | None = None

    # --- connection ------------------------------------------------------------------------------------------
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

    def _receive_data(self, limit: int, name: str, cancel: threading.Event | None = None) -> bytes:
        """The data packets of an upload; it ends by its own limit (transfer time at this baud rate, or
        ``image_timeout``) or the running operation's deadline, whichever is sooner, or when ``cancel`` is set."""
        size = self.params.packet_size if self.params else p.PACKET_SIZES[-1]
        timeout = self.image_timeout or p.transfer_timeout(limit, self.baudrate, size)
        started = time.monotonic()
        deadline = min(started + timeout, self._deadline or started + timeout)
        data = bytearray()
        while True:
            if cancel is not None and cancel.is_set():
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

