"""All constants of the V-number readers in one place (SourceAFIS style): change them here, nowhere else."""

from __future__ import annotations

# --- serial barcode scanner -------------------------------------------------------------------------
#: Default line speed of serial (RS-232 / USB-CDC) barcode scanners; most ship at 9600 8N1.
SERIAL_BAUDRATE = 9600
#: How long one blocking read waits, so ``stop()`` is noticed promptly (seconds).
SERIAL_READ_TIMEOUT_S = 0.1
#: A line longer than this without CR/LF is garbage (a stuck scanner, wrong baud rate): it is dropped.
#: An MRZ of three 30-character lines with separators is 92 characters; QR payloads we accept are shorter.
MAX_LINE_BYTES = 256

# --- keyboard-wedge scanner -------------------------------------------------------------------------
#: A USB keyboard-wedge scanner types a whole code in a burst: typically 1-15 ms between keys, while a
#: person rarely types two keys less than 60-80 ms apart. Keys closer together than this belong to a burst.
WEDGE_MAX_GAP_S = 0.035
#: A burst shorter than this is taken for human typing (a scanner never sends 1-3 characters).
WEDGE_MIN_BURST_CHARS = 8

# --- camera -----------------------------------------------------------------------------------------
#: Barcode symbologies a V-number may come in (names of ``zxingcpp.BarcodeFormat``).
CAMERA_FORMATS = ("Code128", "QRCode", "DataMatrix")
#: Pause between decode attempts (seconds): one decode of a 640x480 frame took 85-100 ms on the shared
#: 2-core build machine, so 0.2 s keeps the reader under about a third of one core; 3-5 tries a second suffice.
CAMERA_FRAME_INTERVAL_S = 0.2
#: After a code was delivered, the same code is not delivered again for this long (it is still in view).
CAMERA_REPEAT_HOLDOFF_S = 3.0

# --- barcode payload --------------------------------------------------------------------------------
#: The prefixes printed before a V-number on residence documents and letters ("VNR 1234567890").
VNUMBER_PREFIXES = ("VNR", "V-NR", "V-NUMMER", "VNUMMER")
#: Payloads longer than this are refused unread (no V-number form comes near it).
MAX_PAYLOAD_CHARS = 512
