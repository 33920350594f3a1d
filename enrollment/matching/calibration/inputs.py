"""What a calibration was computed from, recorded in the block it writes so that a re-run can be compared
exactly: digests of the templates and of the impostor scores, the source versions of the extractor and the
matcher, and the numeric libraries that fitted the tail."""

from __future__ import annotations

import hashlib
import platform
from pathlib import Path

import numpy as np

from enrollment.template.model import Template

DIGEST_CHARS = 16  # hex characters of each recorded digest (64 bits: a changed input is never missed by chance)
# The matcher's pair score depends on these modules of enrollment.matching (and on the constants above the
# calibration block of parameters.py); the 1:N index, fusion and the calibration tooling do not change it.
SCORING_MODULES = ("_bits.py", "cylinders.py", "similarity.py", "consolidation.py", "prepared.py", "matcher.py")
CALIBRATION_BLOCK_START = "# --- calibration"


def templates_digest(labelled: list[tuple[str, Template]]) -> str:
    """SHA-256 of the labels and native bytes of every template, in order."""
    from enrollment.template import serialize

    digest = hashlib.sha256()
    for label, template in labelled:
        data = serialize(template)
        digest.update(label.encode() + b"\0" + len(data).to_bytes(4, "big") + data)
    return digest.hexdigest()[:DIGEST_CHARS]


def scores_digest(scores: np.ndarray) -> str:
    """SHA-256 of the scores as little-endian float64, in order."""
    return hashlib.sha256(np.ascontiguousarray(scores, dtype="<f8").tobytes()).hexdigest()[:DIGEST_CHARS]


def extractor_version() -> str:
    """A hash of the source an image's template depends on: decoding and resampling, extraction, quality."""
    import enrollment.extraction
    import enrollment.imaging
    import enrollment.quality

    digest = hashlib.sha256()
    for package in (enrollment.imaging, enrollment.extraction, enrollment.quality):
        root = Path(package.__file__).parent
        for source in sorted(root.rglob("*.py")):
            digest.update(f"{package.__name__}/{source.relative_to(root)}".encode() + b"\0" + source.read_bytes())
    digest.update(_kernel_options_source())
    return digest.hexdigest()[:12]


def matcher_version() -> str:
    """A hash of the source the pair score depends on (:data:`SCORING_MODULES` and the matcher's constants)."""
    from enrollment.matching import parameters

    root = Path(parameters.__file__).parent
    digest = hashlib.sha256()
    for name in SCORING_MODULES:
        digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    constants = (root / "parameters.py").read_text(encoding="utf-8").split(CALIBRATION_BLOCK_START, 1)[0]
    digest.update(b"parameters.py\0" + constants.encode())
    digest.update(_kernel_options_source())
    return digest.hexdigest()[:12]


def _kernel_options_source() -> bytes:
    """The numba options both the extractor's and the matcher's kernels are compiled with, named."""
    import enrollment.kernel_options

    return b"enrollment/kernel_options.py\0" + Path(enrollment.kernel_options.__file__).read_bytes()


def software() -> str:
    """The interpreter and the libraries that computed the scores and fitted the tail."""
    import numba
    import scipy

    return (f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
            f"numba {numba.__version__}")
