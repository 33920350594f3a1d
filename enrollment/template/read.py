"""Read templates from bytes or a file in either persisted form, told apart by their first four bytes."""

from __future__ import annotations

import os

from enrollment.bounded_read import read_bounded
from enrollment.errors import TemplateFormatError
from enrollment.template import iso19794_2, native
from enrollment.template.model import Template

#: No template file is larger; bigger files are refused before they are read. The largest ISO/IEC 19794-2
#: record has 255 views of 255 minutiae with a full extended-data block each (24 + 255 * (4 + 255 * 6 + 2 +
#: 65535) = 17,103,129 bytes), the largest native template 16 extras of 1 MiB (16,780,381 bytes).
MAX_TEMPLATE_BYTES = 32 * 1024 * 1024


def detect_format(data: bytes) -> str | None:
    """``"native"``, ``"iso19794-2"`` or None, from the magic bytes alone."""
    head = bytes(data[:4])
    if head == native.MAGIC:
        return "native"
    if head == iso19794_2.MAGIC:
        return "iso19794-2"
    return None


def read_templates(data: bytes) -> list[Template]:
    """Every template in ``data``: one for the native form, one per finger view for an ISO record."""
    kind = detect_format(data)
    if kind == "native":
        return [native.deserialize(data)]
    if kind == "iso19794-2":
        return iso19794_2.from_iso(data)
    head = bytes(data[:4])
    raise TemplateFormatError(
        f"byte 0: {head!r} starts neither a native template ({native.MAGIC!r}) nor an ISO/IEC 19794-2 record"
    )


def read_template_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the template file ``path`` (a regular file of at most :data:`MAX_TEMPLATE_BYTES`);
    raises :class:`~enrollment.bounded_read.InputFileError` when the file cannot be read."""
    return read_bounded(path, MAX_TEMPLATE_BYTES, what="template file")


def templates_in_file(data: bytes, path: str | os.PathLike[str]) -> list[Template]:
    """Every template in ``data``, read from ``path``: a :class:`TemplateFormatError` names the file."""
    try:
        return read_templates(data)
    except TemplateFormatError as exc:
        raise TemplateFormatError(f"{path}: {exc}") from exc


def read_template_file(path: str | os.PathLike[str]) -> list[Template]:
    """Every template in the file ``path`` (a regular file of at most :data:`MAX_TEMPLATE_BYTES`).

    Raises :class:`~enrollment.bounded_read.InputFileError` when the file cannot be read and
    :class:`TemplateFormatError` naming the file when its bytes are no template.
    """
    return templates_in_file(read_template_bytes(path), path)


def format_name(data: bytes) -> str:
    """The persisted form of template bytes in words, for people (``zuil template show``)."""
    if detect_format(data) == "native":
        return f"native template (format version {data[len(native.MAGIC)]})"
    return "ISO/IEC 19794-2:2005 record"
