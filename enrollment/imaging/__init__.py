"""Fingerprint images in: decode any accepted encoding to 8-bit grey and rescale it to 500 dpi."""

from enrollment.imaging.decode import DecodedImage, load_image
from enrollment.imaging.normalise import normalise_resolution

__all__ = ["DecodedImage", "load_image", "normalise_resolution"]
