"""Decode WSQ in a short-lived child process, so that a malformed stream cannot take the kiosk down.

The only WSQ decoder at hand is NBIS's C code (the ``wsq`` package's ``_wsq`` extension). Fuzzing showed
that some corrupt streams make it write out of bounds: a segmentation fault, sometimes only several
decodes later. WSQ arrives rarely (imports, exchange files; scanners deliver raw pixels), so each decode
runs in its own interpreter with a memory cap and a time limit; a crash, a hang or a refusal there
becomes a :class:`CorruptImageError` here. The header has already been checked by
:func:`enrollment.imaging.header.read_wsq_header`.
"""

from __future__ import annotations

import struct
import subprocess
import sys

import numpy as np

from enrollment.imaging.errors import CorruptImageError
from enrollment.imaging.parameters import WSQ_CHILD_MEMORY_BYTES, WSQ_DECODE_TIMEOUT_S

_RESULT = struct.Struct(">IIi")

_CHILD = """
import resource, struct, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import _wsq
data = sys.stdin.buffer.read()
try:
    pixels, width, height, ppi = _wsq.decompress(data)
except Exception as error:
    sys.stderr.write(f"{type(error).__name__}: {error}"[:200])
    sys.exit(3)
sys.stdout.buffer.write(struct.pack(">IIi", width, height, ppi))
sys.stdout.buffer.write(bytes(pixels))
"""


def decode_wsq(data: bytes, width: int, height: int, where: str) -> np.ndarray:
    """The (height, width) uint8 pixels of a WSQ stream whose frame header says ``width`` x ``height``."""
    try:
        child = subprocess.run(
            [sys.executable, "-I", "-c", _CHILD, str(WSQ_CHILD_MEMORY_BYTES)],
            input=data,
            capture_output=True,
            timeout=WSQ_DECODE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise CorruptImageError(f"{where}: WSQ decoding took longer than {WSQ_DECODE_TIMEOUT_S} s") from exc
    except OSError as exc:
        raise CorruptImageError(f"{where}: could not start the WSQ decoder ({exc})") from exc
    if child.returncode != 0:
        reason = _reason(child.returncode, child.stderr)
        raise CorruptImageError(f"{where}: WSQ data cannot be decoded ({reason})")
    out = child.stdout
    if len(out) < _RESULT.size:
        raise CorruptImageError(f"{where}: WSQ decoder returned no image")
    got_width, got_height, _ = _RESULT.unpack_from(out, 0)
    if (got_width, got_height) != (width, height) or len(out) != _RESULT.size + width * height:
        raise CorruptImageError(
            f"{where}: WSQ decoder returned {got_width}x{got_height} pixels, the frame header says {width}x{height}"
        )
    return np.frombuffer(out, dtype=np.uint8, offset=_RESULT.size).reshape(height, width).copy()


def _reason(returncode: int, stderr: bytes) -> str:
    if returncode < 0:
        return f"the decoder crashed with signal {-returncode}"
    lines = [line for line in stderr.decode("ascii", "replace").splitlines() if line.strip()]
    return lines[-1][:160] if lines else f"decoder exit status {returncode}"
