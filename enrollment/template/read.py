"""Read templates from bytes in either persisted form, told apart by their first four bytes."""

from __future__ import annotations

from enrollment.errors import TemplateFormatError
from enrollment.template import iso19794_2, native
from enrollment.template.model import Template


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
