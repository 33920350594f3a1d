"""A minimal reader of the PDFs Qt's own writer makes (no PDF library is installed): the page count, the text
of the page contents through each font's ToUnicode map, and the streams decompressed, for the tests to look into.

It knows what QPdfWriter writes: uncompressed object dictionaries, Flate-compressed content streams, Type0 fonts
with Identity-H encoding, one ``<hex> Tj`` per glyph and one ``BT`` ... ``ET`` block per line of text.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

_HEAD = re.compile(rb"(?<![0-9])(\d+) 0 obj\s*")


def _parse(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number: (its dictionary or value, its stream's raw bytes or None), read in file order; a stream is
    sliced by its /Length (direct or indirect), so the binary inside it is never taken for PDF syntax."""
    found: dict[int, tuple[bytes, bytes | None]] = {}
    pending: list[tuple[int, bytes, int]] = []  # streams whose /Length is an object read later
    at = 0
    while (head := _HEAD.search(pdf, at)) is not None:
        number, start = int(head.group(1)), head.end()
        end = pdf.index(b"endobj", start)
        stream = pdf.find(b"stream", start, end)
        if stream < 0:
            found[number] = (pdf[start:end].strip(), None)
            at = end + 6
            continue
        body = pdf[start:stream]
        data_start = stream + 6 + (2 if pdf[stream + 6:stream + 8] == b"\r\n" else 1)
        indirect = re.search(rb"/Length (\d+) 0 R", body)
        if indirect is None:
            length = int(re.search(rb"/Length (\d+)", body).group(1))
        else:
            length = int(found[int(indirect.group(1))][0]) if int(indirect.group(1)) in found else -1
        if length < 0:  # the length object follows the stream: find the end marker from here
            raw_end = pdf.index(b"endstream", data_start)
            pending.append((number, body, data_start))
            at = pdf.index(b"endobj", raw_end) + 6
            continue
        found[number] = (body, pdf[data_start:data_start + length])
        at = pdf.index(b"endobj", data_start + length) + 6
    for number, body, data_start in pending:
        length = int(found[int(re.search(rb"/Length (\d+) 0 R", body).group(1))][0])
        found[number] = (body, pdf[data_start:data_start + length])
    return found


def objects(pdf: bytes) -> dict[int, bytes]:
    """Object number: its dictionary (or value), without its stream."""
    return {number: body for number, (body, _) in _parse(pdf).items()}


def _decoded(body: bytes, raw: bytes | None) -> bytes | None:
    if raw is None:
        return None
    return zlib.decompress(raw) if b"/FlateDecode" in body else raw


def streams(pdf: bytes) -> list[bytes]:
    """Every stream of the file, decompressed."""
    return [s for s in (_decoded(body, raw) for body, raw in _parse(pdf).values()) if s is not None]


def page_count(pdf: bytes) -> int:
    return sum(1 for body in objects(pdf).values() if re.match(rb"<<\s*/Type /Page\b(?!s)", body))


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            first, last = int(lo, 16), int(hi, 16)
            if target.startswith(b"["):
                for n, value in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", target)):
                    mapping[first + n] = bytes.fromhex(value.decode()).decode("utf-16-be")
            else:
                start = int(target[1:-1], 16)
                for n in range(last - first + 1):
                    mapping[first + n] = chr(start + n)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, value in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(value.decode()).decode("utf-16-be")
    return mapping


def text(pdf: bytes) -> str:
    """The text drawn on the pages, one line per text block, NFKC-normalised (ligatures undone)."""
    parsed = _parse(pdf)
    fonts: dict[bytes, dict[int, str]] = {}
    for body, _ in parsed.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            unicode_ref = re.search(rb"/ToUnicode (\d+) 0 R", parsed.get(int(number), (b"", None))[0])
            if unicode_ref:
                fonts[name] = _cmap(_decoded(*parsed[int(unicode_ref.group(1))]) or b"")
    lines = []
    for body, raw in parsed.values():
        content = _decoded(body, raw)
        if content is None or b"BT" not in content or b"/Type /Metadata" in body:
            continue
        for block in re.findall(rb"BT(.*?)ET", content, re.S):
            font: dict[int, str] = {}
            line = []
            for name, hexes in re.findall(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)>\s*Tj", block):
                if name:
                    font = fonts.get(name, {})
                    continue
                for i in range(0, len(hexes), 4):
                    line.append(font.get(int(hexes[i:i + 4], 16), "\ufffd"))
            lines.append(unicodedata.normalize("NFKC", "".join(line)).replace("\t", " "))
    return "\n".join(lines)
