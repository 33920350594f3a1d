"""Every constant of the ZFM / R30x / AS608 serial protocol and of our use of it, in one place.

Numbers are from the module datasheets (checked against the project's DESIGN.md facts): trust the numbers,
not the names some client libraries give them (0x08 is "no match", 0x09 is "not found").
"""

from __future__ import annotations

# --- framing -------------------------------------------------------------------------------------------------
HEADER = b"\xef\x01"
DEFAULT_ADDRESS = 0xFFFFFFFF
DEFAULT_PASSWORD = 0x00000000
HEADER_SIZE = 9  # EF 01, 4-byte address, packet id, 2-byte length
CHECKSUM_SIZE = 2
#: Largest payload we accept in any packet: the biggest data packet (256) plus slack for command/ack payloads.
MAX_PAYLOAD = 256 + 32

# packet identifiers
PID_COMMAND = 0x01
PID_DATA = 0x02
PID_ACK = 0x07
PID_END = 0x08
PACKET_IDS = (PID_COMMAND, PID_DATA, PID_ACK, PID_END)

# --- instruction codes ---------------------------------------------------------------------------------------
CMD_GEN_IMG = 0x01
CMD_IMG2TZ = 0x02
CMD_MATCH = 0x03
CMD_SEARCH = 0x04
CMD_REG_MODEL = 0x05
CMD_STORE = 0x06
CMD_LOAD_CHAR = 0x07
CMD_UP_CHAR = 0x08
CMD_DOWN_CHAR = 0x09
CMD_UP_IMAGE = 0x0A
CMD_DOWN_IMAGE = 0x0B
CMD_DELETE = 0x0C
CMD_EMPTY = 0x0D
CMD_SET_SYS_PARA = 0x0E
CMD_READ_SYS_PARA = 0x0F
CMD_SET_PWD = 0x12
CMD_VFY_PWD = 0x13
CMD_GET_RANDOM_CODE = 0x14
CMD_SET_ADDER = 0x15
CMD_HIGH_SPEED_SEARCH = 0x1B  # answered like Search: status, page (2), score (2)
CMD_TEMPLATE_NUM = 0x1D
CMD_READ_INDEX_TABLE = 0x1F  # page 0..3 -> 32 bytes, bit k (LSB first) of byte i = slot page*256 + 8i + k
INDEX_PAGE_SLOTS = 256

# --- confirmation (status) codes -----------------------------------------------------------------------------
ST_OK = 0x00
ST_RECEIVE_ERROR = 0x01
ST_NO_FINGER = 0x02
ST_IMAGE_FAILED = 0x03
ST_MESSY = 0x06
ST_FEW_FEATURES = 0x07
ST_NO_MATCH = 0x08
ST_NOT_FOUND = 0x09
ST_MERGE_FAILED = 0x0A
ST_BAD_PAGE = 0x0B
ST_READ_TEMPLATE_FAILED = 0x0C
ST_UP_CHAR_FAILED = 0x0D
ST_CANNOT_RECEIVE_DATA = 0x0E
ST_UP_IMAGE_FAILED = 0x0F
ST_DELETE_FAILED = 0x10
ST_EMPTY_FAILED = 0x11
ST_WRONG_PASSWORD = 0x13
ST_INVALID_IMAGE = 0x15
ST_FLASH_ERROR = 0x18
ST_INVALID_REGISTER = 0x1A
ST_WRONG_ADDRESS = 0x20
ST_PASSWORD_REQUIRED = 0x21

# --- system parameters (SetSysPara register numbers and encodings) -------------------------------------------
REG_BAUD = 4  # value N: baud = N * 9600
REG_SECURITY = 5  # 1..5
REG_PACKET_SIZE = 6  # code 0..3
PACKET_SIZES = (32, 64, 128, 256)  # indexed by the packet-size code
BAUD_UNIT = 9600
BAUDRATES = tuple(BAUD_UNIT * n for n in range(1, 13))  # 9600 .. 115200
DEFAULT_BAUDRATE = 57600

# --- image and characteristics -------------------------------------------------------------------------------
IMAGE_WIDTH = 256
IMAGE_HEIGHT = 288
IMAGE_BYTES = IMAGE_WIDTH * IMAGE_HEIGHT // 2  # 4 bits per pixel: 36,864 bytes
RESOLUTION_DPI = 500
CHAR_BUFFERS = (1, 2)
CHAR_SIZE = 512  # bytes of one characteristic file / template as moved by UpChar / DownChar
LIBRARY_SIZE = 1000  # template slots of the simulated module (real modules: 162 .. 1000)

# --- timing --------------------------------------------------------------------------------------------------
BITS_PER_BYTE_ON_WIRE = 10  # 8N1: start + 8 data + stop
#: Answer time of an ordinary command (the module computes; e.g. Img2Tz takes ~0.4 s, Search ~1 s).
COMMAND_TIMEOUT = 2.0
#: Slack on top of the wire time for a bulk transfer (image, characteristics).
TRANSFER_SLACK = 3.0
#: Factor on the wire time for bulk transfers: the module pauses between packets.
TRANSFER_FACTOR = 2.0
#: Answer time of a handshake probing another baud rate; short, so a wrong rate fails fast.
PROBE_TIMEOUT = 1.0
#: Time between GenImg polls while waiting for a finger.
POLL_INTERVAL = 0.05
#: A quiet gap this long ends a drain of stale bytes after an aborted exchange; a drain lasts at most
#: DRAIN_MAX (a chattering device is never quiet: what is left is skipped by resynchronising on the header).
DRAIN_QUIET = 0.15
DRAIN_MAX = 1.0
#: Times a command is sent before its failure (silence, noise, a receive-error status) is raised.
COMMAND_ATTEMPTS = 3
#: Times an image or characteristic transfer is asked for before a damaged or stalled one is raised.
TRANSFER_ATTEMPTS = 3
#: The longest wait for the next packet of a transfer before it counts as stalled.
PACKET_GAP = 2.0
#: Overall deadline of a command or self-test not given one (retries included).
OPERATION_TIMEOUT = 10.0
#: Overall deadline of opening the port and the handshake, baud-rate probing included.
OPEN_TIMEOUT = 20.0
#: Finger polling stops when less than this is left of a capture's time (the answer to GenImg takes a while).
GEN_IMG_TIME = 0.5

# --- image-level placement check ---------------------------------------------------------------------------
PLACEMENT_BLOCK = 16  # pixels per side of the blocks the foreground is judged in
#: A block is foreground where its grey-level standard deviation is at least this (ridges vs. blank glass).
PLACEMENT_BLOCK_STD = 12.0
#: Below this fraction of foreground blocks the glass is taken as empty.
BLANK_FRACTION = 0.05
#: Below this fraction the finger is only partly on the glass.
PARTIAL_FRACTION = 0.30
#: The foreground centroid may be at most this fraction of the image size away from the centre.
MAX_CENTROID_OFFSET = 0.20


def wire_seconds(nbytes: int, baudrate: int) -> float:
    """Time ``nbytes`` take on the wire at ``baudrate`` (8N1)."""
    return nbytes * BITS_PER_BYTE_ON_WIRE / baudrate


def transfer_timeout(nbytes: int, baudrate: int, packet_size: int) -> float:
    """A deadline for a bulk transfer: wire time of payload and packet overhead, doubled, plus slack."""
    packets = -(-nbytes // packet_size)
    overhead = packets * (HEADER_SIZE + CHECKSUM_SIZE)
    return TRANSFER_FACTOR * wire_seconds(nbytes + overhead, baudrate) + TRANSFER_SLACK
