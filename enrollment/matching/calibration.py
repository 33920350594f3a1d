"""The score scale's meaning: a per-comparison false-match rate for every score, from impostor score sets.

Reproduce the constants in ``parameters.py`` with::

    python -m enrollment.matching.calibrate /work/data/fvc2002 [--write]

Protocol (what the command does; the matcher's constants are the published MCC values and were not tuned):

1. Templates: every ``<finger>_<impression>.<iso|dat|template|image>`` of the sub-folders of the given root
   (FVC2002 DB1_B .. DB4_B: 4 x 10 fingers x 8 impressions; ISO records load as they are, images through
   the extractor). A finger is identified by folder and finger number.
2. Impostor scores: ``match`` of every pair of templates of different fingers, within and across folders
   (for FVC2002: 49,920 pairs). Genuine scores (every pair of the same finger) are only reported.
3. Knots: the impostor score exceeded by a fraction f of impostors, for f = 10^0, 10^-0.5, ... down to the
   smallest f that still has ``KNOT_MIN_SAMPLES`` impostors above it. log10 FMR is linear between knots.
4. Tail: a least-squares line of log10(k / M) against the k-th highest impostor score, over the top 0.3 % of
   the M impostors (k >= MIN_TAIL_SAMPLES); past the last knot log10 FMR falls with that slope (an
   exponential tail). With ~50,000 impostors FMR_1_IN_10000 rests on the 5 highest impostor scores and
   FMR_1_IN_100000 is extrapolated this way from there.
5. Check: the same fit on one half of the fingers (odd finger numbers), counting the other half's impostors
   above its thresholds, and the other way round; the command prints both, with the EER per folder.

Run behind the constants now in ``parameters.py`` (2026-11-29): templates extracted by the project's own
extractor (``enrollment.extraction``, 43 minutiae on average) from the FVC2002 DB1_B-DB4_B images (DB2 at 569
dpi, the others at 500), in /work/data/fvc2002_zuil. EER per set DB1-DB4: 1.07 / 2.50 / 5.35 / 2.15 %.
Held-out check (expected 12.2 / 1.2 / 0.12 of 12,160): fit on odd fingers 6 / 0 / 0, on even fingers
18 / 5 / 1 (the far tail is heavier than the exponential fit: read FMR_1_IN_100000 as about 1 in 50,000).
FNMR over all four sets at FMR_1_IN_1000 / 1_IN_10000 / 1_IN_100000: 7.1 / 13.0 / 16.9 %.

Calibration belongs to an extractor: the ISO templates shipped with neilharan/openafis for the same images
give EER 2.15 / 1.07 / 5.35 / 1.13 % and NIST mindtct's (nbis-py) 2.17 / 0.67 / 6.74 / 3.22 %, each with its
own impostor tail. Re-run this command whenever the extractor changes, and use its output.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from enrollment.matching import parameters as p
from enrollment.matching.matcher import match
from enrollment.matching.prepared import Prepared, prepare

KNOT_MIN_SAMPLES = 5  # a knot needs this many impostors above it (the empirical quantile is unbiased, if noisy)
MIN_TAIL_SAMPLES = 20  # the tail line is fitted from the 20th highest impostor down (steadier slope)
TAIL_FRACTION = 0.003
FMR_NAMES = {"FMR_1_IN_1000": 1e-3, "FMR_1_IN_10000": 1e-4, "FMR_1_IN_100000": 1e-5}


@dataclass(frozen=True)
class Calibration:
    """Knots (score, log10 FMR) of the impostor tail, the slope past them and the named thresholds."""

    knots: tuple[tuple[float, float], ...]
    slope: float
    impostors: int

    def fmr(self, score: float) -> float:
        return fmr_of(score, self.knots, self.slope)

    def threshold(self, fmr: float) -> float:
        return threshold_for(fmr, self.knots, self.slope)


def fmr_of(score: float, knots=p.IMPOSTOR_TAIL, slope: float = p.TAIL_SLOPE) -> float:
    """The false-match rate of one comparison at ``score``: the impostor share expected to reach it."""
    s = np.array([k[0] for k in knots])
    lf = np.array([k[1] for k in knots])
    if score <= s[0]:
        return float(10.0 ** lf[0])
    if score <= s[-1]:
        return float(10.0 ** np.interp(score, s, lf))
    return float(10.0 ** (lf[-1] + slope * (score - s[-1])))


def threshold_for(fmr: float, knots=p.IMPOSTOR_TAIL, slope: float = p.TAIL_SLOPE) -> float:
    """The lowest score whose false-match rate is at most ``fmr`` (inverse of :func:`fmr_of`)."""
    s = np.array([k[0] for k in knots])
    lf = np.array([k[1] for k in knots])
    target = math.log10(fmr)
    if target >= lf[0]:
        return float(s[0])
    if target >= lf[-1]:
        return float(np.interp(-target, -lf, s))
    return float(s[-1] + (target - lf[-1]) / slope)


def fit(impostor: np.ndarray) -> Calibration:
    """Knots and tail slope from an impostor score set (see the module docstring, steps 3-4)."""
    scores = np.sort(np.asarray(impostor, dtype=np.float64))[::-1]
    m = len(scores)
    if m < 100 * MIN_TAIL_SAMPLES:
        raise ValueError(f"{m} impostor scores are too few to calibrate (need {100 * MIN_TAIL_SAMPLES})")
    knots: list[tuple[float, float]] = []
    exponent = 0.0
    while 10.0**exponent * m >= KNOT_MIN_SAMPLES - 1e-9:
        f = 10.0**exponent
        score = float(np.quantile(scores, 1.0 - f)) if exponent < 0 else float(scores[-1])
        if not knots or score > knots[-1][0]:
            knots.append((round(score, 6), round(exponent, 3)))
        exponent -= 0.5
    k = np.arange(MIN_TAIL_SAMPLES, int(m * TAIL_FRACTION) + 1)
    slope, _ = np.polyfit(scores[k - 1], np.log10(k / m), 1)
    if slope >= 0:
        raise ValueError("impostor tail does not fall with the score; the set is degenerate")
    return Calibration(tuple(knots), round(float(slope), 3), m)


def pair_scores(labelled: list[tuple[str, Prepared]]) -> tuple[np.ndarray, np.ndarray]:
    """(genuine, impostor) scores of every pair: same label is genuine, different label impostor."""
    genuine, impostor = [], []
    for (la, a), (lb, b) in itertools.combinations(labelled, 2):
        (genuine if la == lb else impostor).append(match(a, b))
    return np.array(genuine), np.array(impostor)


def equal_error_rate(genuine: np.ndarray, impostor: np.ndarray) -> float:
    """The error rate where false non-match and false match rates cross (mean of the two at the crossing)."""
    thresholds = np.unique(np.concatenate([genuine, impostor]))
    frr = np.searchsorted(np.sort(genuine), thresholds, side="left") / len(genuine)
    far = 1.0 - np.searchsorted(np.sort(impostor), thresholds, side="left") / len(impostor)
    i = int(np.argmin(np.abs(frr - far)))
    return float((frr[i] + far[i]) / 2)


_NAME = re.compile(r"^(\d+)_(\d+)$")


def load_folder(folder: Path) -> list[tuple[str, Prepared]]:
    """Prepared templates of a folder of ``<finger>_<impression>.<ext>`` files, labelled ``folder/finger``."""
    from enrollment.matching.sources import ISO_SUFFIXES, load_template

    files = sorted(f for f in folder.iterdir() if _NAME.match(f.stem))
    isos = [f for f in files if f.suffix.lower() in ISO_SUFFIXES]
    chosen = isos or files  # prefer the ISO records when a folder has both records and images
    return [(f"{folder.name}/{_NAME.match(f.stem).group(1)}", prepare(load_template(f))) for f in chosen]


def format_parameters(cal: Calibration, protocol: str) -> str:
    knots = "".join(f"    ({s!r}, {lf!r}),\n" for s, lf in cal.knots)
    lines = [f"IMPOSTOR_TAIL: tuple[tuple[float, float], ...] = (\n{knots})",
             f"TAIL_SLOPE = {cal.slope!r}  # d log10(FMR) / d score past the last knot (exponential tail fit)"]
    lines += [f"{name} = {round(cal.threshold(f), 4)!r}" for name, f in FMR_NAMES.items()]
    words, chunks, line = protocol.split(" "), [], ""
    for word in words:
        if len(line) + len(word) > 90:
            chunks.append(line)
            line = ""
        line += word + " "
    chunks.append(line.rstrip())
    lines.append("CALIBRATION_PROTOCOL = (\n" + "".join(f"    {c!r}\n" for c in chunks) + ")")
    return "\n".join(lines) + "\n"


def write_parameters(snippet: str) -> None:
    """Replace the calibration block of parameters.py by ``snippet``."""
    path = Path(p.__file__)
    text = path.read_text()
    start = text.index("IMPOSTOR_TAIL:")
    end = text.index("\n)", text.index("CALIBRATION_PROTOCOL =")) + 2
    path.write_text(text[:start] + snippet.rstrip("\n") + text[end:])
