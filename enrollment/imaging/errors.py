"""Typed image errors: each says what is wrong and where (the source and, when known, the offset)."""

from __future__ import annotations

from enrollment.errors import ImageError


class EmptyImageError(ImageError):
    """The input holds no bytes (or an array with no pixels)."""


class UnknownFormatError(ImageError):
    """The input is not an image in any accepted format (PNG, BMP, JPEG, TIFF, WSQ, raw 8-bit array)."""


class TruncatedImageError(ImageError):
    """The file ends before the image data does."""


class CorruptImageError(ImageError):
    """The file is in an accepted format but its data cannot be decoded."""


class ImageTooSmallError(ImageError):
    """The image has fewer than the minimum pixels per side at 500 dpi."""


class ImageTooLargeError(ImageError):
    """The image is larger than any fingerprint (refused from its header, before decoding)."""


class ResolutionError(ImageError):
    """The resolution is outside what a fingerprint scanner delivers, or the pixels are not square."""


class UnsupportedPixelsError(ImageError):
    """The pixel layout cannot be turned into a fingerprint grey image (e.g. alpha only, floating point)."""
