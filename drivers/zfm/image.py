"""The sensor's 4-bit image on the wire and in memory, and a cheap check that a finger is really there.

On the wire two pixels share a byte, the left (even x) pixel in the high nibble. We widen each nibble v to
v * 17 so that 0..15 spans 0..255 exactly.
"""

from __future__ import annotations

import numpy as np

from drivers.errors import NoFingerError, PartialFingerError, ProtocolError
from drivers.zfm import parameters as p


def unpack(data: bytes, width: int = p.IMAGE_WIDTH, height: int = p.IMAGE_HEIGHT) -> np.ndarray:
    """4 bits/pixel bytes -> H x W uint8 grey image."""
    if len(data) != width * height // 2:
        raise ProtocolError(f"image data is {len(data)} bytes, expected {width * height // 2} "
                            f"for {width}x{height} at 4 bits per pixel")
    raw = np.frombuffer(data, dtype=np.uint8)
    out = np.empty(raw.size * 2, dtype=np.uint8)
    out[0::2] = raw >> 4
    out[1::2] = raw & 0x0F
    return (out * 17).reshape(height, width)


def pack(image: np.ndarray) -> bytes:
    """H x W uint8 grey image -> 4 bits/pixel bytes (quantised by keeping the high nibble)."""
    if image.dtype != np.uint8 or image.ndim != 2 or image.shape[1] % 2:
        raise ValueError(f"need a 2-D uint8 image of even width, got {image.dtype} {image.shape}")
    q = (image >> 4).reshape(-1)
    return ((q[0::2] << 4) | q[1::2]).astype(np.uint8).tobytes()


def foreground_blocks(image: np.ndarray) -> np.ndarray:
    """Boolean block map: True where a block's grey levels vary like ridges do (not blank glass)."""
    b = p.PLACEMENT_BLOCK
    h, w = (image.shape[0] // b) * b, (image.shape[1] // b) * b
    blocks = image[:h, :w].astype(np.float32).reshape(h // b, b, w // b, b)
    return blocks.std(axis=(1, 3)) >= p.PLACEMENT_BLOCK_STD


def check_placement(image: np.ndarray) -> float:
    """Raise if the glass is blank or the finger only partly on it; returns the foreground fraction."""
    fg = foreground_blocks(image)
    fraction = float(fg.mean()) if fg.size else 0.0
    if fraction < p.BLANK_FRACTION:
        raise NoFingerError(f"image is blank: {fraction:.0%} of it shows ridges")
    if fraction < p.PARTIAL_FRACTION:
        raise PartialFingerError(f"finger only partly on the glass: {fraction:.0%} of the image shows ridges")
    ys, xs = np.nonzero(fg)
    dy = abs(ys.mean() + 0.5 - fg.shape[0] / 2) / fg.shape[0]
    dx = abs(xs.mean() + 0.5 - fg.shape[1] / 2) / fg.shape[1]
    if max(dx, dy) > p.MAX_CENTROID_OFFSET:
        raise PartialFingerError(f"finger off centre by {dx:.0%} across and {dy:.0%} down")
    return fraction
