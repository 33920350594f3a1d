"""Decode a fingerprint image (file, bytes or a driver's array) into one 8-bit grey plane and its resolution.

Accepted: PNG, BMP, JPEG, TIFF (through Pillow), WSQ (NBIS's decoder from the ``wsq`` package, run in a
child process, see :mod:`enrollment.imaging.wsq_decoder`) and raw 8- or 16-bit grey arrays. The size is
checked from the header before any pixel is decoded (decompression-bomb guard; for WSQ also against the
stream's length); a path is read through :func:`enrollment.bounded_read.read_bounded` (regular files of at
most ``MAX_INPUT_BYTES`` only). The resolution comes from the caller, else the file, else 500 dpi.
Every failure is an :class:`~enrollment.errors.ImageError` subclass that names the source.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from enrollment.bounded_read import InputFileError, InputTooLargeError, read_bounded
from enrollment.errors import ImageError
from enrollment.imaging import parameters as p
from enrollment.imaging.errors import (
    CorruptImageError,
    EmptyImageError,
    ImageTooLargeError,
    TruncatedImageError,
    UnknownFormatError,
)
from enrollment.imaging.header import check_png_complete, check_wsq_data_size, read_wsq_header, sniff
from enrollment.imaging.pixels import channels_to_grey, image_to_grey, sixteen_bit_to_grey
from enrollment.imaging.resolution import check_size, choose_dpi
from enrollment.imaging.wsq_decoder import decode_wsq

ImageSource = str | os.PathLike | bytes | bytearray | memoryview | np.ndarray

Image.init()  # register every Pillow plugin once, so that ``formats=`` below finds TIFF

_TRUNCATION_HINTS = ("truncated", "eof", "end of", "not enough", "premature", "broken data stream", "buffer")


@dataclass(frozen=True, eq=False)
class DecodedImage:
    """An 8-bit grey image (read-only (H, W) uint8 ``array``) with its resolution and where it came from.

    ``original_size`` is (width, height) as stored in the source; ``format`` is PNG, BMP, JPEG, TIFF, WSQ or
    RAW; ``dpi_source`` says whether ``dpi`` was given by the caller ("argument"), read from the file
    ("file") or assumed ("default").
    """

    array: np.ndarray
    dpi: int
    original_size: tuple[int, int]
    format: str
    dpi_source: str = "file"

    @property
    def width(self) -> int:
        return int(self.array.shape[1])

    @property
    def height(self) -> int:
        return int(self.array.shape[0])


def load_image(source: ImageSource, *, dpi: int | None = None) -> DecodedImage:
    """Decode ``source`` (a path, the file's bytes, or a raw grey array) at its native resolution."""
    if isinstance(source, np.ndarray):
        return _from_array(source, dpi)
    if isinstance(source, bytes | bytearray | memoryview):
        return _from_bytes(bytes(source), "image bytes", dpi)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        return _from_bytes(_read_file(path), str(path), dpi)
    raise UnknownFormatError(f"cannot read an image from a {type(source).__name__}; give a path, bytes or array")


def _read_file(path: Path) -> bytes:
    try:
        return read_bounded(path, p.MAX_INPUT_BYTES, what="image file")
    except InputTooLargeError as exc:
        raise ImageTooLargeError(str(exc)) from exc
    except InputFileError as exc:
        raise ImageError(str(exc)) from exc


def _from_array(array: np.ndarray, dpi: int | None) -> DecodedImage:
    where = f"raw {array.dtype} array of shape {array.shape}"
    if array.size == 0:
        raise EmptyImageError(f"{where}: no pixels")
    values = array[..., 0] if array.ndim == 3 and array.shape[2] == 1 else array
    if values.ndim == 3 and values.shape[2] in (2, 3, 4) and values.dtype == np.uint8:
        values = channels_to_grey(values, where)
    if values.ndim != 2:
        raise UnknownFormatError(f"{where}: expected a 2-D grey array (height, width)")
    height, width = values.shape
    check_size(width, height, where, dpi=None)
    if values.dtype == np.uint16:
        grey = sixteen_bit_to_grey(values, where)
    elif values.dtype == np.uint8:
        grey = np.array(values, dtype=np.uint8, copy=True, order="C")
    else:
        raise UnknownFormatError(f"{where}: expected uint8 (or uint16) grey values")
    resolution, origin = choose_dpi(dpi, None, where)
    check_size(width, height, where, dpi=resolution)
    grey.setflags(write=False)
    return DecodedImage(grey, resolution, (width, height), "RAW", origin)


def _from_bytes(data: bytes, where: str, dpi: int | None) -> DecodedImage:
    if not data:
        raise EmptyImageError(f"{where}: no bytes")
    if len(data) > p.MAX_INPUT_BYTES:
        raise ImageTooLargeError(f"{where}: {len(data)} bytes is larger than {p.MAX_INPUT_BYTES}")
    kind = sniff(data)
    if kind is None:
        head = data[:8].hex(" ")
        raise UnknownFormatError(f"{where}: not a PNG, BMP, JPEG, TIFF or WSQ image (starts with {head})")
    if kind == "WSQ":
        return _from_wsq(data, where, dpi)
    if kind == "PNG":
        check_png_complete(data, where)
    image = _open(data, kind, where)
    try:
        width, height = image.size
        check_size(width, height, where, dpi=None)  # from the header only: nothing decoded yet
        resolution, origin = choose_dpi(dpi, image.info.get("dpi"), where)
        check_size(width, height, where, dpi=resolution)
        _decode_pixels(image, kind, where)
        grey = image_to_grey(image, where)
        name = p.FORMAT_ALIASES.get(image.format or kind, image.format or kind)
    finally:
        image.close()
    if grey.shape != (height, width):
        raise CorruptImageError(
            f"{where}: decoded {grey.shape[1]}x{grey.shape[0]} pixels, header said {width}x{height}"
        )
    return _frozen(grey, resolution, (width, height), name, origin)


def _from_wsq(data: bytes, where: str, dpi: int | None) -> DecodedImage:
    header = read_wsq_header(data, where)
    check_size(header.width, header.height, where, dpi=None)  # from the frame header: nothing decoded yet
    check_wsq_data_size(header, len(data), where)
    resolution, origin = choose_dpi(dpi, header.ppi, where)
    check_size(header.width, header.height, where, dpi=resolution)
    grey = decode_wsq(data, header.width, header.height, where)
    return _frozen(grey, resolution, (header.width, header.height), "WSQ", origin)


def _frozen(grey: np.ndarray, dpi: int, size: tuple[int, int], name: str, origin: str) -> DecodedImage:
    grey = np.array(grey, dtype=np.uint8, copy=True, order="C")
    grey.setflags(write=False)
    return DecodedImage(grey, dpi, size, name, origin)


def _open(data: bytes, kind: str, where: str) -> Image.Image:
    """Read the header only (Pillow opens lazily), refusing what Pillow cannot identify."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about corrupt EXIF etc.; what matters is raised below
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=list(p.ACCEPTED_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(f"{where}: {kind} header declares an image too large to decode ({exc})") from exc
    except Exception as exc:  # Pillow's plugins raise many undocumented types on malformed headers
        raise _failure(exc, kind, where, len(data), "header") from exc


def _decode_pixels(image: Image.Image, kind: str, where: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image.load()
    except ImageError:
        raise
    except Exception as exc:  # the decoders (libpng, libjpeg, libtiff, NBIS WSQ) fail in many ways
        raise _failure(exc, kind, where, None, "data") from exc


def _failure(exc: Exception, kind: str, where: str, size: int | None, part: str) -> ImageError:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, EOFError) or any(hint in text.lower() for hint in _TRUNCATION_HINTS):
        return TruncatedImageError(f"{where}: {kind} {part} is cut short ({text})")
    if size is not None and size < 64:
        return TruncatedImageError(f"{where}: {kind} file of {size} bytes ends inside its {part} ({text})")
    return CorruptImageError(f"{where}: {kind} {part} cannot be decoded ({text})")
