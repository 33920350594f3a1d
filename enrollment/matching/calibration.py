"""The score scale's meaning: a per-comparison false-match rate for every score, from a large impostor set.

Reproduce the constants in ``parameters.py`` (about 25 minutes on 2 shared cores; templates are cached)::

    zuil calibrate --fingers 1000 --impressions 2 --seed 900000 --fvc <DIR> [--write]
    python -m enrollment.matching.calibrate --fingers 1000 ...   (the same, without the zuil CLI)

Protocol (:mod:`enrollment.matching.calibrate` runs it; the matcher's constants are the published MCC values):

1. Data: synthetic fingers from :mod:`enrollment.synthesis.generator`, population seed 900000 (tests use other
   seeds), masters 0..999, impressions 0 and 1 rendered as 500 dpi images and extracted by
   :mod:`enrollment.extraction`, exactly as the kiosk would (:func:`sources.synthetic_templates`; the cache
   under <data dir>/calibration-cache is keyed by a hash of the generator's and extractor's source).
2. Scores: ``match`` of every pair; different masters are impostors (1,998,000 pairs), the same master genuine
   (1,000 pairs, only an FNMR sanity figure: synthetic impressions are much easier than real ones).
3. Knots (score, log10 FMR): the score with exactly f*M of the M impostors at or above it, for
   f = 10^0, 10^-0.5, ... while f*M >= ``KNOT_MIN_SAMPLES`` (100; <= 10 % relative error): empirical down to
   10^-4 (200 impostors). log10 FMR is linear between knots.
4. Tail: a generalised Pareto law fitted (maximum likelihood) to the excesses of the ``TAIL_SAMPLES`` (1,000)
   highest impostors over the next one. Knots 10^-4.5 .. 10^-6 follow it, continued upward from the previous
   knot where that knot lies above the model, and never below the empirical quantile while it still has
   ``EMPIRICAL_FLOOR_SAMPLES`` (10) impostors above it: the stricter of model and data. Past 10^-6 log10 FMR
   falls with ``TAIL_SLOPE`` (the last segment's); fusion floors the FMR at ``MIN_FINGER_FMR``.
5. Thresholds: ``threshold_for(f)`` on those knots, rounded UP to 1e-5, so ``fmr_of(FMR_1_IN_x) <= 1/x`` and
   :func:`fmr_of` (fusion's score -> FMR) is the very curve the thresholds come from, over its whole range.
6. Checks, reported and never fitted on: a split-half on the synthetic set (fit on the pairs among masters
   0..499, count the pairs among 500..999, and the other way round) and FVC2002 DB1_B-DB4_B templates of our
   extractor (fvc2002_zuil: 320 templates, 49,920 impostor and 1,120 genuine pairs).

Run behind the constants now in ``parameters.py`` (2026-11-29, branch ``calib``; AMD EPYC, 2 cores shared with
other jobs: 13 min synthesis + extraction, 8 min scoring at 4-9 k pairs/s): 2,000 templates, 45.8 minutiae
on average, no impression without foreground. Tail model: shape +0.126, scale 0.00266 above 0.02870.

=================  ==================  ============  ========  ===============  ============================
name               empirical (n above)  GPD model    shipped   synthetic FNMR   FVC2002 FMR (95 % CI), FNMR
=================  ==================  ============  ========  ===============  ============================
FMR_1_IN_1000      0.02704 (1,998)     0.02694       0.02704   0.0 %            5/49,920 = 1.0e-4
                                                                                (3.3e-5..2.3e-4), 12.7 %
FMR_1_IN_10000     0.03343 (200)       0.03346       0.03343   0.0 %            0/49,920 (0..7.4e-5), 18.1 %
FMR_1_IN_100000    0.04209 (20)        0.04219       0.04239   0.6 %            0/49,920 (0..7.4e-5), 25.7 %
=================  ==================  ============  ========  ===============  ============================

1/100,000 ships the tail model continued from the 10^-4.5 knot (which the empirical quantile, 63 impostors,
lifted above the model): 0.04239, the strictest of the three. The empirical quantile rests on 20 impostors
(Poisson 95 % range of the count 12..29: scores 0.0401..0.0448); the model is stable against the tail size
(top 300 / 500 / 2,000: 0.04222 / 0.04220 / 0.04217), while a plain exponential tail would give 0.0406 (too
permissive: the tail is heavier than exponential, shape > 0). Split-half: fit on the first half, the second
half's impostors at or above 1/1,000, 1/10,000, 1/100,000: 574, 59, 5 of 499,000 (expected 499, 49.9, 5.0);
the other way round 448, 35, 4. At 1/1,000 the halves differ beyond binomial noise: fingers vary.

Synthetic against real: FVC2002's impostors score LOWER than the synthetic ones (its own empirical quantiles,
not used: 0.0217 at 1/1,000 and 0.0272 at 1/10,000 on 5 impostors; its highest impostor 0.0326 has
``fmr_of`` 1.3e-4). So the shipped thresholds are conservative on real prints (observed 1/10,000 at the
1/1,000 threshold) and cost FNMR: 12.7 % at FMR_1_IN_1000 where the former FVC-fitted 0.0217 gave 7.1 %;
``fmr_of`` overstates a real impostor's chance, so fused scores understate the evidence. This was left as it
is: fitting to FVC2002 would spend the only held-out real set on 49,920 pairs. Independence as it stands:
fitted on synthetic population 900000 alone; FVC2002 DB1-4_B held out (only reported here); the FVC2004 sets
of the public openafis repository are reserved for independent evaluation and were not touched. A larger
real impostor set (not FVC2004) would let the thresholds come down to the real tail.

Calibration belongs to an extractor (and to the generator): re-run this command whenever either changes.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from enrollment.atomic_files import write_text_atomically
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
    """Replace the calibration block of parameters.py by ``snippet`` (atomically; the file keeps its mode)."""
    path = Path(path or p.__file__)
    text = path.read_text()
    start = text.index("IMPOSTOR_TAIL:")
    end = text.index("\n)", text.index("CALIBRATION_PROTOCOL =")) + 2
    write_text_atomically(path, text[:start] + snippet.rstrip("\n") + text[end:], mode=None)
    return path
