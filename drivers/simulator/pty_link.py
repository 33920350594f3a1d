"""Serves a :class:`SimulatedZfm` on a real pseudo-terminal, so a client opens it like ``/dev/ttyUSB0``.

The simulator holds the master side; ``link_path`` is a symlink to the slave tty. The module listens at its
own baud rate: when the client's tty is set to another rate (read back from the slave's termios), the bytes
are lost as on a real line and nothing is answered. ``unplug()`` closes the master and removes the link, as
pulling the USB adapter does; ``plug()`` brings a fresh pty back under the same link path.

Like a real module, which sends at the wire's pace whether or not anyone reads, the simulator never stays
blocked on a client that went away: an upload ends when the host sends something new (it gave up on the
upload) or when the client has not read for ``_STUCK_WRITE`` seconds.
"""

from __future__ import annotations

import array
import contextlib
import fcntl
import logging
import os
import select
import struct
import termios
import threading
import time
import tty
from pathlib import Path

from drivers.errors import DeviceTimeoutError, ProtocolError
from drivers.simulator.device import SimulatedZfm
from drivers.simulator.stale_links import remove_stale_link_folders
from drivers.zfm import parameters as p
from drivers.zfm.protocol import PacketReader

log = logging.getLogger(__name__)
_TCGETS2 = 0x802C542A
_BOTHER = 0o010000
_SPEEDS = {getattr(termios, f"B{r}"): r for r in (9600, 19200, 38400, 57600, 115200) if hasattr(termios, f"B{r}")}
_QUIET = 0.03  # seconds of silence that end a bad packet's remains
_STUCK_WRITE = 5.0  # give up writing (and the rest of an upload) when the client has not read for this long


def tty_speed(fd: int) -> int:
    """The output baud rate set on a tty, including non-standard ones (Linux termios2)."""
    code = termios.tcgetattr(fd)[5]
    if code in _SPEEDS:
        return _SPEEDS[code]
    if code == _BOTHER:
        buf = array.array("B", bytes(44))
        fcntl.ioctl(fd, _TCGETS2, buf)
        return struct.unpack_from("I", buf, 40)[0]
    return 0


class PtySimulator:
    """A simulated scanner behind ``link_path``; ``realtime`` paces output at the baud rate (36,864-byte images
    then take ~7 s at 57600 as on the real wire)."""

    def __init__(self, device: SimulatedZfm, link_path: str | os.PathLike[str], *, realtime: bool = False) -> None:
        self.device, self.link_path, self.realtime = device, Path(link_path), realtime
        self._master = self._slave = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.tty_name = ""
        self.hung_up = threading.Event()
        self._abandoned = False  # the client stopped reading: end the upload under way

    # --- lifecycle ---------------------------------------------------------------------------------------------
    def start(self) -> PtySimulator:
        """Clear the link folders killed runs left behind (:mod:`.stale_links`), then plug in."""
        remove_stale_link_folders()
        self.plug()
        return self

    def plug(self) -> None:
        """Create a fresh pty, point the link at it and serve it."""
        self.unplug()
        if self.link_path.exists() and not self.link_path.is_symlink():
            raise FileExistsError(f"{self.link_path} exists and is not a symlink; refusing to replace it")
        master, slave = os.openpty()
        tty.setraw(slave)
        tty.setraw(master)
        attrs = termios.tcgetattr(slave)
        speed = getattr(termios, f"B{self.device.baudrate}", termios.B57600)
        attrs[4] = attrs[5] = speed
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        os.set_blocking(master, False)
        self._master, self._slave, self.tty_name = master, slave, os.ttyname(slave)
        self.link_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.link_path.with_name(self.link_path.name + ".new")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        tmp.symlink_to(self.tty_name)
        tmp.replace(self.link_path)
        self._stop.clear()
        self.hung_up.clear()
        self._thread = threading.Thread(target=self._serve, name=f"zfm-sim {self.link_path.name}", daemon=True)
        self._thread.start()
        log.info("simulated ZFM scanner at %s -> %s", self.link_path, self.tty_name)

    def unplug(self) -> None:
        """Stop serving, close the pty and remove the link: the client sees the device vanish."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(5)
        self.hang_up()

    stop = unplug

    def hang_up(self) -> None:
        with self._lock:
            for fd in (self._master, self._slave):
                if fd >= 0:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self._master = self._slave = -1
            if self.link_path.is_symlink() and os.readlink(self.link_path) == self.tty_name:
                self.link_path.unlink()
        self._stop.set()
        self.hung_up.set()

    def __enter__(self) -> PtySimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- the Link the device writes through --------------------------------------------------------------------
    def pause(self, seconds: float) -> bool:
        """Wait between the packets of an upload; False when the upload should end: the link is going away,
        the client stopped reading, or the host sent something new (it gave up on the upload)."""
        end = time.monotonic() + seconds
        while not (self._stop.is_set() or self._abandoned or self._host_waiting()):
            left = end - time.monotonic()
            if left <= 0:
                return True
            self._host_waiting(min(left, 0.05))
        if not self._stop.is_set():
            log.debug("simulator: upload abandoned (%s)", "stuck" if self._abandoned else "the host sent more")
        return False

    def _host_waiting(self, timeout: float = 0.0) -> bool:
        """Whether the host has sent bytes not read yet (waiting up to ``timeout`` for them)."""
        fd = self._master
        if fd < 0:
            return False
        try:
            return bool(select.select([fd], [], [], timeout)[0])
        except (OSError, ValueError):
            return False

    def send(self, data: bytes) -> None:
        if self.realtime:
            time.sleep(p.wire_seconds(len(data), self.device.baudrate))
        view, since = memoryview(data), time.monotonic()
        while view and not self._stop.is_set():
            fd = self._master
            if fd < 0:
                return
            _, ready, _ = select.select([], [fd], [], 0.05)
            if not ready:
                if self._host_waiting() or time.monotonic() - since > _STUCK_WRITE:
                    log.warning("simulator: the client stopped reading; dropping %d bytes", len(view))
                    self._abandoned = True
                    return
                continue
            try:
                view = view[os.write(fd, view):]
            except BlockingIOError:
                continue
            except OSError:
                return
            since = time.monotonic()

    # --- the serving loop --------------------------------------------------------------------------------------
    def _read(self, n: int, timeout: float) -> bytes:
        fd = self._master
        if fd < 0 or self._stop.is_set():
            return b""
        ready, _, _ = select.select([fd], [], [], min(timeout, 0.1))
        if not ready:
            return b""
        try:
            return os.read(fd, n)
        except BlockingIOError:
            return b""
        except OSError:  # EIO: no client has the slave open; happens between clients
            time.sleep(0.02)
            return b""

    def _serve(self) -> None:
        reader = PacketReader(self._read, None)
        while not self._stop.is_set():
            fd = self._master
            if fd < 0 or not select.select([fd], [], [], 0.1)[0]:
                continue
            try:
                packet = reader.read_packet(1.0)
            except DeviceTimeoutError:
                continue
            except ProtocolError as exc:
                if self._stop.is_set():
                    break
                log.debug("simulator: bad packet from the host: %s", exc)
                self._discard_input()
                if self._line_ok():
                    self.device.receive_error(self)
                continue
            if not self._line_ok():
                continue  # at a wrong baud rate the module sees only noise
            self._abandoned = False
            try:
                self.device.handle(packet, self)
            except Exception:  # a simulator bug must not look like a silent device
                log.exception("simulator: failed to answer %s", packet)

    def _discard_input(self) -> None:
        """After a bad packet, drop what follows until the line is quiet, so the next packet starts clean."""
        end = time.monotonic() + 1.0
        while time.monotonic() < end and self._read(4096, _QUIET):
            pass

    def _line_ok(self) -> bool:
        try:
            return tty_speed(self._slave) in (0, self.device.baudrate)
        except (OSError, termios.error):
            return False
