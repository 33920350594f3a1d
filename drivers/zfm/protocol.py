"""ZFM packets: encode, decode, and read them from a byte stream without ever waiting or reading unbounded.

A packet is ``EF 01 | address (4) | packet id (1) | length (2) = payload + 2 | payload | checksum (2)``,
big-endian, the checksum being the sum of the packet id, both length bytes and the payload, mod 65536.
Every defect is a :class:`~drivers.errors.ProtocolError` saying what was wrong and at which byte.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from drivers.errors import DeviceTimeoutError, ProtocolError
from drivers.zfm import parameters as p

#: Reads up to n bytes, waiting at most ``timeout`` seconds; returns fewer (or none) on timeout.
ReadFn = Callable[[int, float], bytes]

_PACKET_NAMES = {p.PID_COMMAND: "command", p.PID_DATA: "data", p.PID_ACK: "ack", p.PID_END: "end-of-data"}


@dataclass(frozen=True)
class Packet:
    pid: int
    payload: bytes
    address: int = p.DEFAULT_ADDRESS

    @property
    def kind(self) -> str:
        return _PACKET_NAMES.get(self.pid, f"0x{self.pid:02x}")

    def encode(self) -> bytes:
        return encode_packet(self.pid, self.payload, self.address)


def checksum(pid: int, length: int, payload: bytes) -> int:
    return (pid + (length >> 8) + (length & 0xFF) + sum(payload)) & 0xFFFF


def encode_packet(pid: int, payload: bytes, address: int = p.DEFAULT_ADDRESS) -> bytes:
    """The bytes of one packet; refuses ids, addresses and sizes the protocol cannot carry."""
    if pid not in p.PACKET_IDS:
        raise ValueError(f"packet id 0x{pid:02x} is not one of {[hex(x) for x in p.PACKET_IDS]}")
    if not 0 <= address <= 0xFFFFFFFF:
        raise ValueError(f"address {address:#x} does not fit in 32 bits")
    if len(payload) > p.MAX_PAYLOAD:
        raise ValueError(f"payload of {len(payload)} bytes exceeds the maximum of {p.MAX_PAYLOAD}")
    length = len(payload) + p.CHECKSUM_SIZE
    head = p.HEADER + address.to_bytes(4, "big") + bytes([pid]) + length.to_bytes(2, "big")
    return head + bytes(payload) + checksum(pid, length, payload).to_bytes(2, "big")


def parse_header(head: bytes, address: int | None, offset: int = 0) -> tuple[int, int]:
    """Check the 9 header bytes; returns (packet id, payload length). ``address`` None accepts any address;
    ``offset`` is the stream position, for messages."""
    if head[:2] != p.HEADER:
        raise ProtocolError(f"bad header at byte {offset}: got {head[:2].hex()} expected {p.HEADER.hex()}")
    got = int.from_bytes(head[2:6], "big")
    if address is not None and got != address:
        raise ProtocolError(f"wrong address at byte {offset + 2}: got {got:#010x} expected {address:#010x}")
    pid = head[6]
    if pid not in p.PACKET_IDS:
        raise ProtocolError(f"unknown packet id 0x{pid:02x} at byte {offset + 6}")
    length = int.from_bytes(head[7:9], "big")
    if not p.CHECKSUM_SIZE <= length <= p.MAX_PAYLOAD + p.CHECKSUM_SIZE:
        raise ProtocolError(f"bad length {length} at byte {offset + 7} of a {_PACKET_NAMES[pid]} packet "
                            f"(allowed {p.CHECKSUM_SIZE}..{p.MAX_PAYLOAD + p.CHECKSUM_SIZE})")
    return pid, length - p.CHECKSUM_SIZE


def _check_sum(pid: int, payload: bytes, tail: bytes, offset: int) -> None:
    want = checksum(pid, len(payload) + p.CHECKSUM_SIZE, payload)
    got = int.from_bytes(tail, "big")
    if got != want:
        raise ProtocolError(f"bad checksum at byte {offset} of a {_PACKET_NAMES[pid]} packet: "
                            f"got {got:#06x} expected {want:#06x}")


def decode_packet(data: bytes, address: int = p.DEFAULT_ADDRESS) -> Packet:
    """Decode exactly one packet filling ``data``; anything else is a :class:`ProtocolError`."""
    if len(data) < p.HEADER_SIZE + p.CHECKSUM_SIZE:
        raise ProtocolError(f"truncated packet: {len(data)} bytes, a packet has at least "
                            f"{p.HEADER_SIZE + p.CHECKSUM_SIZE}")
    pid, size = parse_header(data[: p.HEADER_SIZE], address)
    end = p.HEADER_SIZE + size
    if len(data) != end + p.CHECKSUM_SIZE:
        what = "truncated packet" if len(data) < end + p.CHECKSUM_SIZE else "trailing bytes after the packet"
        raise ProtocolError(f"{what}: the length field at byte 7 says {end + p.CHECKSUM_SIZE} bytes in all, "
                            f"got {len(data)}")
    payload = bytes(data[p.HEADER_SIZE:end])
    _check_sum(pid, payload, data[end:], end)
    return Packet(pid, payload, address)


class PacketReader:
    """Reads whole, verified packets from a stream; every read is bounded in bytes and in time.

    ``position`` counts bytes consumed, so errors say where in the stream they happened. ``address`` None
    accepts packets for any address (a module listening, which then ignores those not for it).
    :meth:`read_packet` is strict (any defect is an error); :meth:`find_packet` resynchronises on the header.
    """

    def __init__(self, read: ReadFn, address: int | None = p.DEFAULT_ADDRESS) -> None:
        self._read = read
        self.address = address
        self.position = 0
        self._held = bytearray()  # bytes given back while resynchronising, read again before the stream

    def clear(self) -> None:
        """Forget bytes held back by :meth:`find_packet` (the caller discarded the input they came from)."""
        self.position += len(self._held)
        self._held.clear()

    def _give_back(self, data: bytes) -> None:
        self._held[:0] = data
        self.position -= len(data)

    def _fetch(self, n: int, left: float) -> bytes:
        if self._held:
            chunk = bytes(self._held[:n])
            del self._held[:n]
            return chunk
        return self._read(n, left) if left > 0 else b""

    def _exactly(self, n: int, deadline: float, what: str, started: int, keep: bool = False) -> bytes:
        """``n`` bytes by ``deadline``; fewer is an error (``keep``: the bytes read are given back first)."""
        buf = bytearray()
        while len(buf) < n:
            chunk = self._fetch(n - len(buf), deadline - time.monotonic())
            if not chunk:
                got = self.position + len(buf) - started
                self.position += len(buf)
                if keep:
                    self._give_back(bytes(buf))
                if got == 0:
                    raise DeviceTimeoutError(f"no answer from the device (waiting for {what})")
                raise ProtocolError(f"truncated packet at byte {self.position}: {got} bytes of a packet, "
                                    f"then nothing while waiting for {what}")
            buf += chunk
        self.position += len(buf)
        return bytes(buf)

    def read_packet(self, timeout: float, expect: tuple[int, ...] = p.PACKET_IDS) -> Packet:
        """The next packet within ``timeout`` seconds, whose id must be one of ``expect``."""
        deadline = time.monotonic() + timeout
        start = self.position
        head = self._exactly(p.HEADER_SIZE, deadline, "a packet header", start)
        pid, size = parse_header(head, self.address, start)
        body = self._exactly(size + p.CHECKSUM_SIZE, deadline, f"{size + 2} bytes of a packet body", start)
        _check_sum(pid, body[:size], body[size:], start + p.HEADER_SIZE + size)
        if pid not in expect:
            raise ProtocolError(f"unexpected {_PACKET_NAMES[pid]} packet at byte {start}, expected "
                                + " or ".join(_PACKET_NAMES[e] for e in expect))
        return Packet(pid, body[:size], int.from_bytes(head[2:6], "big"))

    def _seek_header(self, deadline: float) -> int:
        """Skip to the next ``EF 01``; returns the bytes skipped. Silence until ``deadline``: DeviceTimeoutError."""
        skipped = 0
        while True:
            byte = self._fetch(1, deadline - time.monotonic())
            if not byte:
                raise DeviceTimeoutError(f"no packet header after {skipped} bytes of noise")
            self.position += 1
            if byte[0] != p.HEADER[0]:
                skipped += 1
                continue
            second = self._fetch(1, deadline - time.monotonic())
            self.position += len(second)
            if second == p.HEADER[1:]:
                self._give_back(p.HEADER)
                return skipped
            skipped += 1
            self._give_back(second)  # may itself start a header

    def find_packet(self, timeout: float, expect: tuple[int, ...] = p.PACKET_IDS) -> Packet:
        """The next intact packet whose id is one of ``expect``, within ``timeout`` seconds, resynchronising on
        the header: noise is skipped byte by byte, a damaged packet from its second byte on (a false header may
        have swallowed a real one), packets of other kinds whole. Nothing at all within ``timeout`` is a
        :class:`DeviceTimeoutError`; only noise or other packets is a :class:`ProtocolError` saying what came."""
        deadline = time.monotonic() + timeout
        noise = others = damaged = 0
        defect = ""
        while True:
            try:
                noise += self._seek_header(deadline)
                start = self.position
                try:
                    head = self._exactly(p.HEADER_SIZE, deadline, "a packet header", start)
                except ProtocolError as exc:  # cut short by the deadline: the next seek says so
                    damaged, defect = damaged + 1, str(exc)
                    continue
                try:
                    pid, size = parse_header(head, self.address, start)
                    body = self._exactly(size + p.CHECKSUM_SIZE, deadline, "a packet body", start, keep=True)
                except ProtocolError as exc:  # a bad header, or a length that swallowed what came after
                    self._give_back(head[1:])
                    noise, damaged, defect = noise + 1, damaged + 1, str(exc)
                    continue
                try:
                    _check_sum(pid, body[:size], body[size:], start + p.HEADER_SIZE + size)
                except ProtocolError as exc:
                    self._give_back(head[1:] + body)
                    noise, damaged, defect = noise + 1, damaged + 1, str(exc)
                    continue
            except DeviceTimeoutError:
                if not (noise or others or damaged):
                    raise DeviceTimeoutError("no answer from the device") from None
                kinds = " or ".join(_PACKET_NAMES[e] for e in expect)
                raise ProtocolError(f"no {kinds} packet, only {noise} bytes of noise, "
                                    f"{damaged} damaged and {others} other packets"
                                    + (f" (last defect: {defect})" if defect else "")) from None
            if pid in expect:
                return Packet(pid, body[:size], int.from_bytes(head[2:6], "big"))
            others += 1


def bytes_reader(data: bytes) -> ReadFn:
    """A ReadFn over fixed bytes (ends like a silent device): for tests and the fuzzer."""
    view = memoryview(bytes(data))
    pos = 0

    def read(n: int, timeout: float) -> bytes:
        nonlocal pos
        chunk = bytes(view[pos:pos + n])
        pos += len(chunk)
        return chunk

    return read
