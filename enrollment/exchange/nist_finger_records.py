"""The finger records of an ANSI/NIST-ITL 1-2011 transaction: Type-14 (one finger's image, WSQ-compressed) and
Type-9 (its minutiae in the INCITS 378 feature fields 9.126-9.137).

Type-9 uses the INCITS 378 block rather than the legacy "standard format" fields 9.005-9.012: the legacy block
makes a pattern classification (9.007) mandatory for a fingerprint, which the kiosk does not compute, and counts
in 0.01 mm from the lower-left corner; the INCITS 378 block is the feature set our templates already follow
(:mod:`enrollment.template.model`): pixels at the template's resolution, origin at the top-left corner, x to the
right, y down, angles counter-clockwise as seen on the image from the positive x axis, ridge ending 1 and
bifurcation 2. So the coordinates go over unchanged (the resolution is written in 9.131/9.132) and only the
angle's unit changes: radians to steps of 2 degrees (9.137 MAV, 0..179, rounded, a full turn wrapping to 0).
9.004 FMT is "U", as the standard asks whenever 9.005-9.012 are absent. A template without minutiae gives no
Type-9 record (9.136 NOM is 1 or more).

Type-14 holds the image at 500 ppi (resampled by :func:`enrollment.imaging.normalise.resample_to_target` where
it was kept at another resolution), 8-bit grey, WSQ-compressed by NBIS's encoder in the ``wsq`` package. No
quality field is written there: 14.022 NQM holds an NFIQ 1 score, which the kiosk does not compute, and 14.024
FQM needs an IBIA-registered vendor id for the algorithm. The kiosk's own 0-100 score goes in 9.135 FQD, whose
vendor and product items are optional.
"""

from __future__ import annotations

import io
import math
from datetime import date

import numpy as np
from nistitl import AsciiRecord

from enrollment.template import Template

IMP_LIVE_SCAN_PLAIN = 0  # impression type (9.003, 14.003): a live-scan plain print
SLC_PIXELS_PER_INCH = 1  # scale units (9.130, 14.008)
CGA_WSQ = "WSQ20"  # compression algorithm (14.011): WSQ 2.0/3.1
IMAGE_PPI = 500
BITS_PER_PIXEL = 8
FMT_USER_DEFINED = "U"  # 9.004: the legacy standard-format fields 9.005-9.012 are absent
CBEFF_FORMAT_OWNER = 27  # 9.126 CFO: INCITS Technical Committee M1
CBEFF_FORMAT_TYPE = 513  # 9.126 CFT: INCITS 378 minutiae without ridge counts, cores or deltas
CBEFF_PRODUCT = "00000000"  # 9.126 CPI: no product identifier registered with IBIA
APPENDIX_F_NONE = "NONE"  # 9.127 AFS: the capture equipment is not certified to Appendix F
EQUIPMENT_UNREPORTED = "0"  # 9.127 CID
ANGLE_STEP_DEGREES = 2  # 9.137 MAV
ANGLE_STEPS = 360 // ANGLE_STEP_DEGREES


def minutia_angle(directions: np.ndarray) -> np.ndarray:
    """Radians (counter-clockwise as seen on the image, from the positive x axis) to 9.137 MAV: steps of two
    degrees in the same sense, 0..179."""
    steps = np.rint(np.asarray(directions, dtype=np.float64) * (ANGLE_STEPS / (2 * math.pi)))
    return np.mod(steps, ANGLE_STEPS).astype(np.int64)


def minutiae_record(idc: int, finger: int, template: Template, *, view: int = 0) -> AsciiRecord | None:
    """The Type-9 record of ``template`` (finger position ``finger``), or None when it has no minutiae."""
    count = len(template)
    if count == 0:
        return None
    record = AsciiRecord(9)
    record.IDC = idc
    record._3 = IMP_LIVE_SCAN_PLAIN
    record._4 = FMT_USER_DEFINED
    record._126 = [[CBEFF_FORMAT_OWNER, CBEFF_FORMAT_TYPE, CBEFF_PRODUCT]]
    record._127 = [[APPENDIX_F_NONE, EQUIPMENT_UNREPORTED]]
    record._128 = template.width
    record._129 = template.height
    record._130 = SLC_PIXELS_PER_INCH
    record._131 = template.resolution_dpi
    record._132 = template.resolution_dpi
    record._133 = view
    record._134 = finger
    record._135 = [[template.quality]]
    record._136 = count
    angles = minutia_angle(template.directions)
    record._137 = [[index + 1, int(x), int(y), int(angle), int(kind), int(quality)]
                   for index, ((x, y), angle, kind, quality)
                   in enumerate(zip(template.positions, angles, template.kinds, template.reliability, strict=True))]
    return record


def wsq_image(pixels: np.ndarray) -> bytes:
    """``pixels`` (2-D uint8 at 500 ppi) as a WSQ stream (NBIS's encoder, the ``wsq`` package's Pillow plugin)."""
    import wsq  # noqa: F401 - registers the WSQ plugin with Pillow
    from PIL import Image

    out = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(pixels, dtype=np.uint8), "L").save(out, format="WSQ")
    return out.getvalue()


def image_record(idc: int, finger: int, pixels: np.ndarray, *, source_agency: str, captured: date) -> AsciiRecord:
    """The Type-14 record of one finger's image (``pixels``: 2-D uint8 at 500 ppi)."""
    height, width = pixels.shape
    record = AsciiRecord(14)
    record.IDC = idc
    record.IMP = IMP_LIVE_SCAN_PLAIN
    record.SRC = source_agency
    record.FCD = captured.strftime("%Y%m%d")
    record.HLL = width
    record.VLL = height
    record.SLC = SLC_PIXELS_PER_INCH
    record.THPS = IMAGE_PPI
    record.TVPS = IMAGE_PPI
    record.CGA = CGA_WSQ
    record.BPX = BITS_PER_PIXEL
    record.FGP = finger
    record.DATA = wsq_image(pixels)
    return record
