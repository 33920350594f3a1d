"""Every constant of image decoding and normalisation, named, in one place."""

from __future__ import annotations

#: The resolution every later step works at (templates are in pixels at this resolution); the one constant,
#: used by decoding's normalisation and the extractor's first step alike (``normalise.resample_to_target``).
TARGET_DPI = 500

#: Used when the caller gives no resolution and the file says nothing sensible.
DEFAULT_DPI = 500

#: Resolutions a fingerprint scanner can plausibly have; anything outside is refused.
MIN_DPI = 250
MAX_DPI = 2000

#: A resolution written in a file below this is a software placeholder (72 or 96 "screen" dpi, 1:1 aspect
#: ratio only, ...) rather than a measurement: it is ignored and :data:`DEFAULT_DPI` used instead.
PLACEHOLDER_DPI_BELOW = 100

#: Horizontal and vertical resolution may differ by this fraction (rounding of pixels-per-metre) and still
#: count as square pixels; beyond it the image is refused as anisotropic.
DPI_ASPECT_TOLERANCE = 0.02

#: Smallest usable image side, in pixels at :data:`TARGET_DPI` (about 3 mm: less cannot hold a minutia pair).
MIN_SIDE = 64

#: Decompression-bomb guard, checked on the header before any pixel is decoded, and again after rescaling.
MAX_SIDE = 4096
MAX_PIXELS = 16 * 1024 * 1024

#: Inputs larger than this are refused before parsing (a 4096x4096 uncompressed BMP is 16 MiB + header;
#: a 16-bit TIFF of the largest accepted size is 32 MiB).
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: A WSQ stream whose frame header claims more pixels per byte of the stream than this is refused before
#: decoding: NBIS builds whatever size the header says from whatever data follows, so a forged header on a
#: few kilobytes costs seconds of CPU and hundreds of megabytes. Measured with NBIS's encoder (``wsq``
#: package): images full of ridges compress 9:1 to 18:1 (the sample wsq-original.wsq 18:1; the WSQ
#: standard's 0.75 bit/pixel is 10.7:1), but white space compresses far further: the 374x388 sample probe
#: on a white 4096x4096 canvas is 583:1, and a blank canvas of any size is about 660 bytes. 1000:1 keeps
#: that padded print and refuses a frame the data could not have come from (4096x4096 needs 16,778 bytes).
MAX_WSQ_PIXELS_PER_BYTE = 1000

#: Formats decoded through Pillow (WSQ is accepted too, decoded apart); anything else is refused as unknown.
ACCEPTED_FORMATS = ("PNG", "BMP", "JPEG", "TIFF")

#: Pillow reports some formats under a variant name (a JPEG with a multi-picture extension is "MPO").
FORMAT_ALIASES = {"MPO": "JPEG"}

#: Background a partly transparent image is composited onto: white, like the paper of an ink card.
ALPHA_BACKGROUND = 255

#: Luma weights (ITU-R BT.601, as used by Pillow's "L" conversion) for colour to grey.
LUMA_WEIGHTS = (0.299, 0.587, 0.114)

#: WSQ is decoded in a child process (see ``wsq_decoder``): its time limit and address-space cap. The cap
#: leaves room for the interpreter plus a 4096x4096 image and NBIS's float working buffers.
WSQ_DECODE_TIMEOUT_S = 20
WSQ_CHILD_MEMORY_BYTES = 1024 * 1024 * 1024
