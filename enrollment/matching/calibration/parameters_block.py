"""The calibration block of ``enrollment/matching/parameters.py`` (knots, slope, named thresholds rounded UP,
protocol) as text, and its rewrite in place."""

from __future__ import annotations

import math
from pathlib import Path

from enrollment.atomic_files import write_text_atomically
from enrollment.matching import parameters as p
from enrollment.matching.calibration.fit import Calibration

FMR_NAMES = {"FMR_1_IN_1000": 1e-3, "FMR_1_IN_10000": 1e-4, "FMR_1_IN_100000": 1e-5}


def shipped_threshold(cal: Calibration, fmr: float) -> float:
    """The threshold written for ``fmr``: the fitted one rounded UP to 1e-5 (never to the permissive side)."""
    return math.ceil(cal.threshold(fmr) * 1e5) / 1e5


def format_parameters(cal: Calibration, protocol: str) -> str:
    """The calibration block of parameters.py (knots, slope, named thresholds rounded UP, protocol)."""
    knots = "".join(f"    ({s!r}, {lf!r}),\n" for s, lf in cal.knots)
    lines = [f"IMPOSTOR_TAIL: tuple[tuple[float, float], ...] = (\n{knots})",
             f"TAIL_SLOPE = {cal.slope!r}  # d log10(FMR) / d score past the last knot"]
    lines += [f"{name} = {shipped_threshold(cal, f)!r}" for name, f in FMR_NAMES.items()]
    words, chunks, line = protocol.split(" "), [], ""
    for word in words:
        if len(line) + len(word) > 90:
            chunks.append(line)
            line = ""
        line += word + " "
    chunks.append(line.rstrip())
    lines.append("CALIBRATION_PROTOCOL = (\n" + "".join(f"    {c!r}\n" for c in chunks) + ")")
    return "\n".join(lines) + "\n"


def _block_span(text: str) -> tuple[int, int]:
    start = text.index("IMPOSTOR_TAIL:")
    return start, text.index("\n)", text.index("CALIBRATION_PROTOCOL =")) + 2


def shipped_block(path: Path | None = None) -> str:
    """The calibration block now in parameters.py, as :func:`format_parameters` writes it."""
    text = Path(path or p.__file__).read_text()
    start, end = _block_span(text)
    return text[start:end] + "\n"


def write_parameters(snippet: str, path: Path | None = None) -> Path:
    """Replace the calibration block of parameters.py by ``snippet`` (atomically; the file keeps its mode)."""
    path = Path(path or p.__file__)
    text = path.read_text()
    start, end = _block_span(text)
    write_text_atomically(path, text[:start] + snippet.rstrip("\n") + text[end:], mode=None)
    return path
