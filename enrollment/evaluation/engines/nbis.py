"""NIST NBIS as a reference engine: MINDTCT minutiae + BOZORTH3 scores, through the PyPI package ``nbis-py``.

``nbis-py`` (0.1.3, Rust + UniFFI) offers ``new_nbis_extractor(NbisExtractorSettings)`` with
``extract_minutiae(image_bytes)`` / ``extract_minutiae_from_image_file(path)`` (MINDTCT),
``Minutiae.compare(other) -> int`` (BOZORTH3), ``Minutiae.to_iso_19794_2_2005()`` and
``load_iso_19794_2_2005(bytes)``. It has no gallery search (BOZORTH3's one-to-many mode is not bound), so
1:N is a loop of 1:1 comparisons. Minutiae live in native memory; between processes they travel as
nbis-py's own template records (the round trip leaves BOZORTH3 scores unchanged). Those records are *not*
conformant ISO/IEC 19794-2:2005 (see :func:`nbis_record`), so they are never exchanged with anything else.
"""

from __future__ import annotations

import io
import math
import struct
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from enrollment.errors import ExtractionError
from enrollment.evaluation import parameters
from enrollment.evaluation.engines.base import EngineUnavailable, TwoStageEngine
from enrollment.evaluation.images import read_grey
from enrollment.imaging import load_image, normalise_resolution
from enrollment.template.model import KIND_BIFURCATION, KIND_ENDING, Template

_ISO_KIND = {KIND_ENDING: 1, KIND_BIFURCATION: 2}


def nbis_record(template: Template) -> bytes:
    """``template`` in the record layout ``nbis-py``'s ``load_iso_19794_2_2005`` actually reads.

    nbis-py 0.1.3 writes and reads a variant of ISO/IEC 19794-2:2005: the 24-byte header with resolution 0 and
    0 finger views, then a 2-byte finger view header (a byte nbis-py ignores, then the minutia count) instead
    of the standard 4 bytes, 6-byte minutiae, and no extended-data length. A conformant record loads as zero
    minutiae, so this is what the NBIS engine is given for synthetic galleries.
    """
    count = min(len(template), 255)
    header = struct.pack(
        ">4s4sIHHHHHBB", b"FMR\0", b" 20\0", 24 + 2 + 6 * count, 0, template.width, template.height, 0, 0, 0, 0
    )
    body = bytearray(struct.pack(">BB", 0, count))
    for (x, y), angle, kind, reliability in zip(
        template.positions[:count], template.directions[:count], template.kinds[:count],
        template.reliability[:count], strict=True,
    ):
        code = round(float(angle) / (2 * math.pi) * 256) % 256
        body += struct.pack(">HHBB", (_ISO_KIND.get(int(kind), 0) << 14) | int(x), int(y), code, int(reliability))
    return header + bytes(body)


class NbisEngine(TwoStageEngine):
    name = "nbis"
    description = "NIST NBIS: MINDTCT + BOZORTH3 (nbis-py)"

    def __init__(self) -> None:
        try:
            import nbis
        except ImportError as exc:
            raise EngineUnavailable("the nbis engine needs the PyPI package nbis-py (pip install nbis-py)") from exc
        self._nbis = nbis
        settings = nbis.NbisExtractorSettings(
            min_quality=0.0, get_center=False, check_fingerprint=False, compute_nfiq2=False, ppi=None
        )
        self._extractor = nbis.new_nbis_extractor(settings)

    def extract(self, path: Path, dpi: int | None = None) -> bytes:
        array, own_dpi = read_grey(path)
        return self.extract_array(array, dpi or own_dpi)

    def extract_array(self, array: np.ndarray, dpi: int) -> bytes:
        """MINDTCT on a grey image; the minutiae as an nbis-py record. Raises ExtractionError when none are found.

        MINDTCT is built for 500 ppi and nbis-py ignores its ``ppi`` setting (the minutiae come out the same for
        any value), so an image at another resolution is first resampled to 500 dpi by ``enrollment.imaging``.
        """
        if dpi != parameters.DEFAULT_DPI:
            array = normalise_resolution(load_image(np.asarray(array, dtype=np.uint8), dpi=dpi)).array
        buffer = io.BytesIO()
        Image.fromarray(np.asarray(array, dtype=np.uint8)).save(buffer, format="PNG")
        try:
            minutiae = self._extractor.extract_minutiae(buffer.getvalue())
        except self._nbis.NbisError as exc:
            raise ExtractionError(f"MINDTCT failed: {exc}") from exc
        if not minutiae.get():
            raise ExtractionError("MINDTCT found no minutiae")
        return minutiae.to_iso_19794_2_2005()

    def load(self, extracted: bytes) -> Any:
        return self._extractor.load_iso_19794_2_2005(extracted)

    def score(self, a: Any, b: Any) -> float:
        return float(a.compare(b))

    def from_template(self, template: Template) -> Any:
        return self.load(nbis_record(template))
