"""The simulated ZFM module: its state (image buffer, two character buffers, template library, system
parameters) and its answer to every packet, independent of how bytes travel (see :mod:`.pty_link`).

Characteristics are opaque 512-byte records: a magic, the SHA-256 of the finger's identity and a coarse
digest of the image. Two characteristics "match" when their identity digests are equal; that is all a
simulator needs to make Match, RegModel and Search behave like the real module's answers.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from drivers.simulator.faults import FaultPlan
from drivers.simulator.images import ImageSource, identity_digest, quantise
from drivers.simulator.presses import FIRST_PRESS_WAIT, GEN_IMG_WAIT, PressQueue
from drivers.zfm import image as zimage
from drivers.zfm import parameters as p
from drivers.zfm.protocol import Packet, encode_packet

_MAGIC = b"\x03\x01"
_MATCH_SCORE = 180
_IMAGE_BUFFER = 0  # the target of a DownImage transfer (character buffers are 1 and 2)


class Link(Protocol):
    def send(self, data: bytes) -> None: ...
    def hang_up(self) -> None: ...
    def pause(self, seconds: float) -> bool:
        """Wait; False when the link is going away (stop sending)."""
        ...


def characteristic(picture: np.ndarray, identity: str) -> bytes:
    coarse = picture[::24, ::24].reshape(-1)[: p.CHAR_SIZE - 34].tobytes()
    return (_MAGIC + identity_digest(identity) + coarse).ljust(p.CHAR_SIZE, b"\0")


class SimulatedZfm:
    """One simulated module. ``finger_after`` GenImg polls answer "no finger" before each press (0: at once).

    Presses are rendered ahead by a background thread (:class:`.PressQueue`); building the module waits for the
    first one, and GenImg answers "no finger" when the next press is not rendered within the time a module
    takes to image a finger, so no answer waits on image synthesis."""

    def __init__(self, source: ImageSource, faults: FaultPlan | None = None, *, address: int = p.DEFAULT_ADDRESS,
                 password: int = p.DEFAULT_PASSWORD, baudrate: int = p.DEFAULT_BAUDRATE, packet_size: int = 128,
                 system_id: int = 0x0009, finger_after: int = 0, rng_seed: int = 0) -> None:
        self.source, self.faults = source, faults or FaultPlan()
        self.presses_ahead = PressQueue(source)
        self.presses_ahead.wait_first(FIRST_PRESS_WAIT)
        self.address, self.password, self.baudrate = address, password, baudrate
        self.packet_size, self.system_id, self.security = packet_size, system_id, 3
        self.finger_after, self._polls = finger_after, 0
        self.verified = password == p.DEFAULT_PASSWORD
        self.image = np.full((p.IMAGE_HEIGHT, p.IMAGE_WIDTH), 255, np.uint8)
        self.identity = ""
        self.buffers = {1: b"", 2: b""}
        self.library: dict[int, bytes] = {}
        self._receiving: tuple[int, bytearray] | None = None
        self._rng = np.random.default_rng(rng_seed)
        self.presses = 0

    def close(self) -> None:
        """Stop rendering presses ahead (waits for the one being rendered); the module answers no more."""
        self.presses_ahead.close()

    # --- output ------------------------------------------------------------------------------------------------
    def _ack(self, link: Link, status: int, extra: bytes = b"") -> None:
        garbage = self.faults.take("garbage")
        if garbage:
            link.send(self._rng.integers(0, 256, garbage.bytes, dtype=np.uint8).tobytes())
        data = encode_packet(p.PID_ACK, bytes([status]) + extra, self.address)
        link.send(data)

    def _upload(self, link: Link, data: bytes) -> None:
        """Ack, then ``data`` in data packets of the packet size, the last one an end packet (with faults)."""
        corrupt, header = self.faults.take("corrupt_checksum"), self.faults.take("wrong_header")
        slow, unplug = self.faults.take("slow"), self.faults.take("unplug")
        chunks = [data[i:i + self.packet_size] for i in range(0, len(data), self.packet_size)]
        packets = [encode_packet(p.PID_ACK, bytes([p.ST_OK]), self.address)]
        packets += [encode_packet(p.PID_END if i == len(chunks) - 1 else p.PID_DATA, c, self.address)
                    for i, c in enumerate(chunks)]
        for number, packet in enumerate(packets):
            if unplug and number > unplug.after:
                link.hang_up()
                return
            if corrupt and number == corrupt.packet:
                packet = packet[:-1] + bytes([packet[-1] ^ 0x5A])
            if header and number == header.packet:
                packet = b"\xef\x02" + packet[2:]
            if not link.pause(slow.delay if slow and number else 0.0):
                return
            link.send(packet)

    # --- input -------------------------------------------------------------------------------------------------
    def receive_error(self, link: Link) -> None:
        """The host sent a packet we could not read: answer status 01, as the module does."""
        self._receiving = None
        self._ack(link, p.ST_RECEIVE_ERROR)

    def handle(self, packet: Packet, link: Link) -> None:
        if packet.address != self.address:
            # A command for another address gets status 20 (address code error) from this module's address, so
            # the client fails at once; other packets for another address are not for this module.
            if packet.pid == p.PID_COMMAND:
                self._ack(link, p.ST_WRONG_ADDRESS)
            return
        if self._receiving is not None:
            if packet.pid in (p.PID_DATA, p.PID_END):
                buffer, data = self._receiving
                data += packet.payload
                if packet.pid == p.PID_END:
                    self._received(buffer, bytes(data))
                    self._receiving = None
                return
            self._receiving = None
        if packet.pid != p.PID_COMMAND or not packet.payload:
            return  # the module ignores stray data packets
        if self.faults.take("silent"):
            return
        code, args = packet.payload[0], packet.payload[1:]
        if not self.verified and code != p.CMD_VFY_PWD:
            self._ack(link, p.ST_PASSWORD_REQUIRED)
            return
        handler = _HANDLERS.get(code)
        if handler is None:
            self._ack(link, p.ST_RECEIVE_ERROR)
            return
        handler(self, args, link)

    def _received(self, buffer: int, data: bytes) -> None:
        """A download (DownChar, DownImage) is complete: fill the buffer, as the module does, with what came."""
        if buffer == _IMAGE_BUFFER:
            self.image = zimage.unpack(data[: p.IMAGE_BYTES].ljust(p.IMAGE_BYTES, b"\xff"))
            self.identity = f"image:{identity_digest(data.hex()).hex()[:16]}"
        else:
            self.buffers[buffer] = data[: p.CHAR_SIZE].ljust(p.CHAR_SIZE, b"\0")

    # --- commands ----------------------------------------------------------------------------------------------
    def _vfy_pwd(self, args: bytes, link: Link) -> None:
        ok = len(args) == 4 and int.from_bytes(args, "big") == self.password
        self.verified = self.verified or ok
        self._ack(link, p.ST_OK if ok else p.ST_WRONG_PASSWORD)

    def _set_pwd(self, args: bytes, link: Link) -> None:
        if len(args) != 4:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        self.password = int.from_bytes(args, "big")
        self._ack(link, p.ST_OK)

    def _set_adder(self, args: bytes, link: Link) -> None:
        """The new address applies at once: the answer already comes from it (clients read it there)."""
        if len(args) != 4:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        self.address = int.from_bytes(args, "big")
        self._ack(link, p.ST_OK)

    def _get_random_code(self, args: bytes, link: Link) -> None:
        self._ack(link, p.ST_OK, self._rng.integers(0, 256, 4, dtype=np.uint8).tobytes())

    def _read_sys_para(self, args: bytes, link: Link) -> None:
        words = (0, self.system_id, p.LIBRARY_SIZE, self.security)
        data = b"".join(w.to_bytes(2, "big") for w in words) + self.address.to_bytes(4, "big")
        data += p.PACKET_SIZES.index(self.packet_size).to_bytes(2, "big")
        data += (self.baudrate // p.BAUD_UNIT).to_bytes(2, "big")
        self._ack(link, p.ST_OK, data)

    def _set_sys_para(self, args: bytes, link: Link) -> None:
        if len(args) != 2:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        register, value = args
        if register == p.REG_BAUD and 1 <= value <= 12:
            self._ack(link, p.ST_OK)
            self.baudrate = value * p.BAUD_UNIT  # the new rate applies after the answer
        elif register == p.REG_SECURITY and 1 <= value <= 5:
            self.security = value
            self._ack(link, p.ST_OK)
        elif register == p.REG_PACKET_SIZE and value < len(p.PACKET_SIZES):
            self.packet_size = p.PACKET_SIZES[value]
            self._ack(link, p.ST_OK)
        else:
            self._ack(link, p.ST_INVALID_REGISTER)

    def _gen_img(self, args: bytes, link: Link) -> None:
        if self.faults.take("no_finger") or self._polls < self.finger_after:
            self._polls += 1
            return self._ack(link, p.ST_NO_FINGER)
        if self.faults.take("image_failed"):
            self._polls = 0
            return self._ack(link, p.ST_IMAGE_FAILED)
        press = self.presses_ahead.take(GEN_IMG_WAIT)
        if press is None:  # not rendered yet: to the client, the finger is not on the glass yet
            return self._ack(link, p.ST_IMAGE_FAILED if self.presses_ahead.failed else p.ST_NO_FINGER)
        self._polls = 0
        picture, self.identity = press
        self.presses += 1
        if self.faults.take("blank"):
            picture, self.identity = np.full_like(picture, 235), ""
        elif self.faults.take("partial"):
            picture = picture.copy()
            picture[p.IMAGE_HEIGHT // 5:, :] = 235
        elif self.faults.take("messy"):
            picture = np.minimum(picture, np.roll(picture, 5, axis=0)) // 2
            self.identity = "messy:" + self.identity
        self.image = quantise(picture)
        self._ack(link, p.ST_OK)

    def _img2tz(self, args: bytes, link: Link) -> None:
        if len(args) != 1 or args[0] not in p.CHAR_BUFFERS:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        if self.identity.startswith("messy:"):
            return self._ack(link, p.ST_MESSY)
        if self.faults.take("few_features"):
            return self._ack(link, p.ST_FEW_FEATURES)
        if not self.identity or zimage.foreground_blocks(self.image).mean() < p.BLANK_FRACTION:
            return self._ack(link, p.ST_INVALID_IMAGE)
        self.buffers[args[0]] = characteristic(self.image, self.identity)
        self._ack(link, p.ST_OK)

    @staticmethod
    def _same_finger(a: bytes, b: bytes) -> bool:
        return len(a) >= 34 and a[:2] == _MAGIC and a[:34] == b[:34]

    def _match(self, args: bytes, link: Link) -> None:
        if self._same_finger(self.buffers[1], self.buffers[2]):
            return self._ack(link, p.ST_OK, _MATCH_SCORE.to_bytes(2, "big"))
        self._ack(link, p.ST_NO_MATCH, b"\0\0")

    def _reg_model(self, args: bytes, link: Link) -> None:
        if not self._same_finger(self.buffers[1], self.buffers[2]):
            return self._ack(link, p.ST_MERGE_FAILED)
        self.buffers[2] = self.buffers[1]
        self._ack(link, p.ST_OK)

    def _page_args(self, args: bytes, link: Link) -> tuple[int, int] | None:
        if len(args) != 3 or args[0] not in p.CHAR_BUFFERS:
            self._ack(link, p.ST_RECEIVE_ERROR)
            return None
        page = int.from_bytes(args[1:], "big")
        if page >= p.LIBRARY_SIZE:
            self._ack(link, p.ST_BAD_PAGE)
            return None
        return args[0], page

    def _store(self, args: bytes, link: Link) -> None:
        where = self._page_args(args, link)
        if where:
            self.library[where[1]] = self.buffers[where[0]]
            self._ack(link, p.ST_OK)

    def _load_char(self, args: bytes, link: Link) -> None:
        where = self._page_args(args, link)
        if where:
            if where[1] not in self.library:
                return self._ack(link, p.ST_READ_TEMPLATE_FAILED)
            self.buffers[where[0]] = self.library[where[1]]
            self._ack(link, p.ST_OK)

    def _search(self, args: bytes, link: Link) -> None:
        if len(args) != 5 or args[0] not in p.CHAR_BUFFERS:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        start, count = int.from_bytes(args[1:3], "big"), int.from_bytes(args[3:5], "big")
        probe = self.buffers[args[0]]
        for page in sorted(self.library):
            if start <= page < start + count and self._same_finger(probe, self.library[page]):
                return self._ack(link, p.ST_OK, page.to_bytes(2, "big") + _MATCH_SCORE.to_bytes(2, "big"))
        self._ack(link, p.ST_NOT_FOUND, b"\0\0\0\0")

    def _delete(self, args: bytes, link: Link) -> None:
        if len(args) != 4:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        start, count = int.from_bytes(args[:2], "big"), int.from_bytes(args[2:], "big")
        if start + count > p.LIBRARY_SIZE:
            return self._ack(link, p.ST_BAD_PAGE)
        for page in range(start, start + count):
            self.library.pop(page, None)
        self._ack(link, p.ST_OK)

    def _empty(self, args: bytes, link: Link) -> None:
        self.library.clear()
        self._ack(link, p.ST_OK)

    def _template_num(self, args: bytes, link: Link) -> None:
        self._ack(link, p.ST_OK, len(self.library).to_bytes(2, "big"))

    def _read_index_table(self, args: bytes, link: Link) -> None:
        if len(args) != 1 or args[0] > 3:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        bits = bytearray(p.INDEX_PAGE_SLOTS // 8)
        for page in self.library:
            slot = page - args[0] * p.INDEX_PAGE_SLOTS
            if 0 <= slot < p.INDEX_PAGE_SLOTS:
                bits[slot // 8] |= 1 << (slot % 8)
        self._ack(link, p.ST_OK, bytes(bits))

    def _up_image(self, args: bytes, link: Link) -> None:
        self._upload(link, zimage.pack(self.image))

    def _up_char(self, args: bytes, link: Link) -> None:
        if len(args) != 1 or args[0] not in p.CHAR_BUFFERS:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        if not self.buffers[args[0]]:
            return self._ack(link, p.ST_UP_CHAR_FAILED)
        self._upload(link, self.buffers[args[0]])

    def _down_char(self, args: bytes, link: Link) -> None:
        if len(args) != 1 or args[0] not in p.CHAR_BUFFERS:
            return self._ack(link, p.ST_RECEIVE_ERROR)
        self._receiving = (args[0], bytearray())
        self._ack(link, p.ST_OK)

    def _down_image(self, args: bytes, link: Link) -> None:
        """Accept an image into the image buffer (4 bits per pixel, in data packets), as R30x modules do."""
        self._receiving = (_IMAGE_BUFFER, bytearray())
        self._ack(link, p.ST_OK)


_HANDLERS = {
    p.CMD_VFY_PWD: SimulatedZfm._vfy_pwd, p.CMD_READ_SYS_PARA: SimulatedZfm._read_sys_para,
    p.CMD_SET_SYS_PARA: SimulatedZfm._set_sys_para, p.CMD_GEN_IMG: SimulatedZfm._gen_img,
    p.CMD_IMG2TZ: SimulatedZfm._img2tz, p.CMD_MATCH: SimulatedZfm._match, p.CMD_REG_MODEL: SimulatedZfm._reg_model,
    p.CMD_STORE: SimulatedZfm._store, p.CMD_LOAD_CHAR: SimulatedZfm._load_char, p.CMD_SEARCH: SimulatedZfm._search,
    p.CMD_DELETE: SimulatedZfm._delete, p.CMD_EMPTY: SimulatedZfm._empty,
    p.CMD_TEMPLATE_NUM: SimulatedZfm._template_num,
    p.CMD_READ_INDEX_TABLE: SimulatedZfm._read_index_table, p.CMD_UP_IMAGE: SimulatedZfm._up_image,
    p.CMD_UP_CHAR: SimulatedZfm._up_char, p.CMD_DOWN_CHAR: SimulatedZfm._down_char,
    p.CMD_DOWN_IMAGE: SimulatedZfm._down_image, p.CMD_SET_PWD: SimulatedZfm._set_pwd,
    p.CMD_GET_RANDOM_CODE: SimulatedZfm._get_random_code, p.CMD_SET_ADDER: SimulatedZfm._set_adder,
    p.CMD_HIGH_SPEED_SEARCH: SimulatedZfm._search,  # same arguments and answer as Search (page, score)
}
