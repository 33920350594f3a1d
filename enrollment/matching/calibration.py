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

KNOT_MIN_SAMPLES = 100  # an empirical knot needs this many impostors above it (10 % relative standard error)
TAIL_SAMPLES = 1000  # the generalised Pareto tail is fitted to the exceedances of the 1,000 highest impostors
TAIL_KNOTS_TO = -6.0  # knots from the tail model down to FMR 10^-6; beyond, log10 FMR falls with TAIL_SLOPE
EMPIRICAL_FLOOR_SAMPLES = 10  # below the empirical knots, a knot is never below the empirical quantile while
#                               it still has this many impostors above it (the conservative side of the two)
FMR_NAMES = {"FMR_1_IN_1000": 1e-3, "FMR_1_IN_10000": 1e-4, "FMR_1_IN_100000": 1e-5}


@dataclass(frozen=True)
class TailModel:
    """Generalised Pareto law of the impostor scores above ``threshold`` (the top ``rate`` of all impostors)."""

    threshold: float
    rate: float
    shape: float  # xi: 0 is an exponential tail, > 0 heavier, < 0 bounded
    scale: float  # sigma

    def score(self, fmr: float) -> float:
        """The score an impostor reaches with probability ``fmr`` (<= ``rate``) under the model."""
        ratio = fmr / self.rate
        if abs(self.shape) < 1e-9:
            return self.threshold - self.scale * math.log(ratio)
        return self.threshold + self.scale / self.shape * (ratio ** (-self.shape) - 1.0)


@dataclass(frozen=True)
class Calibration:
    """Knots (score, log10 FMR) of the impostor tail, the slope past them and the named thresholds."""

    knots: tuple[tuple[float, float], ...]
    slope: float
    impostors: int
    tail: TailModel | None = None

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


def empirical_threshold(descending: np.ndarray, fmr: float) -> float:
    """The score with exactly round(fmr * M) of the M impostors (sorted high to low) at or above it."""
    k = round(fmr * len(descending))
    if k <= 0:
        return float(descending[0]) + 1e-6
    if k >= len(descending):
        return float(descending[-1])
    return float((descending[k - 1] + descending[k]) / 2.0)


def fit_tail(descending: np.ndarray) -> TailModel:
    """Generalised Pareto fit (maximum likelihood) to the exceedances of the ``TAIL_SAMPLES`` highest impostors
    over the next one (peaks over threshold; Pickands-Balkema-de Haan)."""
    from scipy.stats import genpareto

    u = float(descending[TAIL_SAMPLES])
    excess = descending[:TAIL_SAMPLES] - u
    shape, _, scale = genpareto.fit(excess, floc=0.0)
    return TailModel(u, TAIL_SAMPLES / len(descending), float(shape), float(scale))


def fit(impostor: np.ndarray) -> Calibration:
    """Knots, tail model and slope from an impostor score set (see the module docstring, steps 3-4)."""
    scores = np.sort(np.asarray(impostor, dtype=np.float64))[::-1]
    m = len(scores)
    if m < 10 * TAIL_SAMPLES:
        raise ValueError(f"{m} impostor scores are too few to calibrate (need {10 * TAIL_SAMPLES})")
    knots: list[tuple[float, float]] = [(float(scores[-1]), 0.0)]
    exponent = -0.5
    while 10.0**exponent * m >= KNOT_MIN_SAMPLES - 1e-9:
        score = empirical_threshold(scores, 10.0**exponent)
        if score > knots[-1][0]:
            knots.append((score, exponent))
        exponent -= 0.5
    tail = fit_tail(scores)
    # Past the empirical knots: the tail model, lifted where needed so it continues from the last knot, and
    # never below the empirical quantile while that still rests on EMPIRICAL_FLOOR_SAMPLES impostors.
    lift = max(0.0, knots[-1][0] - tail.score(10.0 ** knots[-1][1]))
    while exponent >= TAIL_KNOTS_TO - 1e-9:
        f = 10.0**exponent
        score = tail.score(f) + lift
        if f * m >= EMPIRICAL_FLOOR_SAMPLES:
            score = max(score, empirical_threshold(scores, f))
        score = max(score, knots[-1][0] + 1e-6)
        knots.append((score, exponent))
        lift = score - tail.score(f)  # deeper knots continue the model's shape from this one
        exponent -= 0.5
    (s0, l0), (s1, l1) = knots[-2], knots[-1]
    slope = (l1 - l0) / (s1 - s0)
    rounded = tuple((round(s, 6), round(lf, 3)) for s, lf in knots)
    return Calibration(rounded, round(float(slope), 3), m, tail)


def clopper_pearson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Exact binomial confidence interval of a rate observed as ``k`` of ``n``."""
    from scipy.stats import beta

    a = (1.0 - level) / 2.0
    low = float(beta.ppf(a, k, n - k + 1)) if k > 0 else 0.0
    high = float(beta.ppf(1.0 - a, k + 1, n - k)) if k < n else 1.0
    return low, high


def pair_scores(labelled: list[tuple[str, Prepared]]) -> tuple[np.ndarray, np.ndarray]:
    """(genuine, impostor) scores of every pair: same label is genuine, different label impostor."""
    genuine, impostor = [], []
    for (la, a), (lb, b) in itertools.combinations(labelled, 2):
        (genuine if la == lb else impostor).append(match(a, b))
    return np.array(genuine), np.array(impostor)


_worker_set: list[Prepared] = []


def _load_worker(templates: list) -> None:
    global _worker_set
    _worker_set = [prepare(t) for t in templates]


def _score_row(i: int) -> tuple[int, np.ndarray]:
    a = _worker_set[i]
    return i, np.fromiter((match(a, b) for b in _worker_set[i + 1:]), dtype=np.float64)


def all_pair_scores(labelled: list[tuple[str, object]], *, workers: int = 1, progress: bool = False,
                    with_pairs: bool = False) -> tuple[np.ndarray, ...]:
    """(genuine, impostor) scores of every pair of ``(label, Template)`` items, on ``workers`` processes
    (each prepares the whole set once, then scores rows of the upper triangle), with a progress bar in pairs;
    ``with_pairs`` adds the (M, 2) indices into ``labelled`` of each impostor pair."""
    from tqdm import tqdm

    labels = np.array([label for label, _ in labelled])
    templates = [t for _, t in labelled]
    n = len(templates)
    bar = tqdm(total=n * (n - 1) // 2, desc="score pairs", unit="pair", unit_scale=True, disable=not progress)
    rows: dict[int, np.ndarray] = {}
    order = sorted(range(n - 1), key=lambda i: i % 2 * n + (i if i % 2 else -i))  # long and short rows mixed
    if workers > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(workers, _load_worker, (templates,)) as pool:
            for i, row in pool.imap_unordered(_score_row, order, chunksize=8):
                rows[i] = row
                bar.update(len(row))
    else:
        _load_worker(templates)
        for i in order:
            rows[i] = _score_row(i)[1]
            bar.update(len(rows[i]))
    bar.close()
    genuine, impostor, where = [], [], []
    for i in range(n - 1):
        same = labels[i + 1:] == labels[i]
        genuine.append(rows[i][same])
        impostor.append(rows[i][~same])
        where.append(np.flatnonzero(~same).astype(np.int32) + i + 1)
    result = np.concatenate(genuine), np.concatenate(impostor)
    if not with_pairs:
        return result
    first = np.concatenate([np.full(len(w), i, dtype=np.int32) for i, w in enumerate(where)])
    return (*result, np.stack([first, np.concatenate(where)], axis=1))


def equal_error_rate(genuine: np.ndarray, impostor: np.ndarray) -> float:
    """The error rate where false non-match and false match rates cross (mean of the two at the crossing)."""
    thresholds = np.unique(np.concatenate([genuine, impostor]))
    frr = np.searchsorted(np.sort(genuine), thresholds, side="left") / len(genuine)
    far = 1.0 - np.searchsorted(np.sort(impostor), thresholds, side="left") / len(impostor)
    i = int(np.argmin(np.abs(frr - far)))
    return float((frr[i] + far[i]) / 2)


_NAME = re.compile(r"^(\d+)_(\d+)$")


def load_folder_templates(folder: Path) -> list[tuple[str, object]]:
    """Templates of a folder of ``<finger>_<impression>.<ext>`` files, labelled ``folder/finger``."""
    from enrollment.matching.sources import ISO_SUFFIXES, load_template

    files = sorted(f for f in folder.iterdir() if _NAME.match(f.stem))
    isos = [f for f in files if f.suffix.lower() in ISO_SUFFIXES]
    chosen = isos or files  # prefer the ISO records when a folder has both records and images
    return [(f"{folder.name}/{_NAME.match(f.stem).group(1)}", load_template(f)) for f in chosen]


def load_folder(folder: Path) -> list[tuple[str, Prepared]]:
    """Prepared templates of a folder of ``<finger>_<impression>.<ext>`` files, labelled ``folder/finger``."""
    return [(label, prepare(t)) for label, t in load_folder_templates(folder)]


def format_parameters(cal: Calibration, protocol: str) -> str:
    """The calibration block of parameters.py (knots, slope, named thresholds rounded UP, protocol)."""
    knots = "".join(f"    ({s!r}, {lf!r}),\n" for s, lf in cal.knots)
    lines = [f"IMPOSTOR_TAIL: tuple[tuple[float, float], ...] = (\n{knots})",
             f"TAIL_SLOPE = {cal.slope!r}  # d log10(FMR) / d score past the last knot"]
    lines += [f"{name} = {math.ceil(cal.threshold(f) * 1e5) / 1e5!r}" for name, f in FMR_NAMES.items()]
    words, chunks, line = protocol.split(" "), [], ""
    for word in words:
        if len(line) + len(word) > 90:
            chunks.append(line)
            line = ""
        line += word + " "
    chunks.append(line.rstrip())
    lines.append("CALIBRATION_PROTOCOL = (\n" + "".join(f"    {c!r}\n" for c in chunks) + ")")
    return "\n".join(lines) + "\n"


def write_parameters(snippet: str, path: Path | None = None) -> Path:
    """Replace the calibration block of parameters.py by ``snippet`` (atomic: temporary file, then rename)."""
    import os
    import tempfile

    path = Path(path or p.__file__)
    text = path.read_text()
    start = text.index("IMPOSTOR_TAIL:")
    end = text.index("\n)", text.index("CALIBRATION_PROTOCOL =")) + 2
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".parameters-", suffix=".py")
    with os.fdopen(fd, "w") as handle:
        handle.write(text[:start] + snippet.rstrip("\n") + text[end:])
    os.replace(temporary, path)
    return path
