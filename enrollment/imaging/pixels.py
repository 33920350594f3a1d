"""Turn any decoded pixel layout into one 8-bit grey plane, deterministically.

Colour is reduced with fixed BT.601 luma weights (an image whose channels are equal keeps its values
exactly); 16-bit grey is scaled by 255/65535; partial transparency is composited onto white (the paper
of an ink card). Layouts that carry no fingerprint (alpha only, fully transparent, floating point) are
refused rather than guessed at.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from enrollment.imaging.errors import UnsupportedPixelsError
from enrollment.imaging.parameters import ALPHA_BACKGROUND, LUMA_WEIGHTS

_SIXTEEN_BIT_MODES = {"I;16", "I;16L", "I;16B", "I;16N", "I"}
_TO_RGB_MODES = {"CMYK", "YCbCr", "LAB", "HSV", "RGBX"}


def image_to_grey(image: Image.Image, where: str) -> np.ndarray:
    """The decoded Pillow image as a (H, W) uint8 array."""
    mode = image.mode
    if mode == "L":
        return np.asarray(image, dtype=np.uint8)
    if mode == "1":
        return np.asarray(image.convert("L"), dtype=np.uint8)
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        return image_to_grey(image.convert("RGBA" if has_alpha else "RGB"), where)
    if mode in ("La", "RGBa"):
        return image_to_grey(image.convert("LA" if mode == "La" else "RGBA"), where)
    if mode in _TO_RGB_MODES:
        return image_to_grey(image.convert("RGB"), where)
    if mode in ("RGB", "RGBA", "LA"):
        return channels_to_grey(np.asarray(image), where)
    if mode in _SIXTEEN_BIT_MODES:
        return sixteen_bit_to_grey(np.asarray(image), where)
    raise UnsupportedPixelsError(f"{where}: pixel mode {mode!r} cannot be read as a grey fingerprint image")


def sixteen_bit_to_grey(values: np.ndarray, where: str) -> np.ndarray:
    """Scale 16-bit grey (0..65535) onto 0..255 by the full-scale ratio, rounding half to even."""
    if values.size and (values.min() < 0 or values.max() > 0xFFFF):
        raise UnsupportedPixelsError(f"{where}: grey values outside 0..65535 (not a 16-bit grey image)")
    return np.rint(values.astype(np.float64) * (255.0 / 65535.0)).astype(np.uint8)


def channels_to_grey(pixels: np.ndarray, where: str) -> np.ndarray:
    """(H, W, C) uint8 with C = 2 (grey + alpha), 3 (RGB) or 4 (RGBA) to (H, W) uint8 grey."""
    channels = pixels.shape[2]
    colour = pixels[..., : channels - 1] if channels in (2, 4) else pixels
    grey = _luma(colour)
    if channels in (2, 4):
        alpha = pixels[..., channels - 1]
        if alpha.min() == 255:
            return grey
        if alpha.max() == 0:
            raise UnsupportedPixelsError(f"{where}: every pixel is fully transparent; there is no print to read")
        if grey.min() == grey.max():
            raise UnsupportedPixelsError(
                f"{where}: the picture is in the alpha channel only (colour is constant); not a fingerprint scan"
            )
        weight = alpha.astype(np.float64) / 255.0
        grey = np.rint(grey * weight + ALPHA_BACKGROUND * (1.0 - weight)).astype(np.uint8)
    return grey


def _luma(colour: np.ndarray) -> np.ndarray:
    if colour.shape[2] == 1:
        return np.ascontiguousarray(colour[..., 0])
    red, green, blue = colour[..., 0], colour[..., 1], colour[..., 2]
    if np.array_equal(red, green) and np.array_equal(green, blue):
        return np.ascontiguousarray(red)
    w_r, w_g, w_b = LUMA_WEIGHTS
    grey = np.rint(w_r * red.astype(np.float64) + w_g * green + w_b * blue)
    return np.clip(grey, 0, 255).astype(np.uint8)
