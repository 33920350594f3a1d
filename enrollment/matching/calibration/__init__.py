"""Calibration of the score scale: a per-comparison false-match rate for every score, from a large impostor set.

This package is the offline tooling (``zuil calibrate``); the curve it fits is used at run time through
:mod:`enrollment.matching.fmr_curve`. One module per product: :mod:`.synthetic_set` (the cached synthetic
templates), :mod:`.pair_scores` (genuine and impostor scores of every pair, on several processes), :mod:`.fit`
(knots and tail model), :mod:`.checks` (split-half and held-out reports), :mod:`.parameters_block` (the block
of ``parameters.py``) and :mod:`.run` (the whole run, and ``python -m enrollment.matching.calibration.run``).

Reproduce the constants in ``parameters.py`` (about 25 minutes on 2 shared cores; templates are cached)::

    zuil calibrate --fingers 1000 --impressions 2 --seed 900000 --fvc <DIR> [--write]
    python -m enrollment.matching.calibration.run --fingers 1000 ...   (the same, without the zuil CLI)

Protocol (:mod:`.run` runs it; the matcher's constants are the published MCC values):

1. Data: synthetic fingers from :mod:`enrollment.synthesis.generator`, population seed 900000 (tests use other
   seeds), masters 0..999, impressions 0 and 1 rendered as 500 dpi images and extracted by
   :mod:`enrollment.extraction`, exactly as the kiosk would (:func:`.synthetic_set.synthetic_templates`; the
   cache under <data dir>/calibration-cache is keyed by a hash of the generator's and extractor's source).
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
   :func:`enrollment.matching.fmr_curve.fmr_of` (fusion's score -> FMR) is the very curve the thresholds come
   from, over its whole range.
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
