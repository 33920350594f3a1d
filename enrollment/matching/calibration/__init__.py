"""Calibration of the score scale: a per-comparison false-match rate for every score, from a large impostor set.

This package is the offline tooling (``zuil calibrate``); the curve it fits is used at run time through
:mod:`enrollment.matching.fmr_curve`. One module per product: :mod:`.real_set` (templates of real sets, which
pairs share a sensor), :mod:`.synthetic_set` (the cached synthetic templates), :mod:`.pair_scores` (genuine and
impostor scores of every pair, on several processes), :mod:`.fit` (knots and tail model), :mod:`.checks`
(observed FMR with intervals, split-half, leave-one-set-out), :mod:`.inputs` (the digests and versions recorded
in the block), :mod:`.parameters_block` (the block of ``parameters.py``) and :mod:`.run` (the whole run, and
``python -m enrollment.matching.calibration.run``). :mod:`.multiplicity` measures, on the same real pairs, how
many independent comparisons the best of k enrolled impressions of one finger is worth (fusion's correction).

Reproduce the constants in ``parameters.py`` (under a minute on 2 cores) and check that they are reproduced::

    zuil calibrate --fvc <FVC2002>/ --write       (the folder holding DB1_B .. DB4_B)
    zuil calibrate --fvc <FVC2002>/ --verify      (exit 2 unless the block comes out byte for byte the same)

The run's own output, with the checks below, is kept in ``RESULTS.md`` next to this file (written by --write).

What it is fitted on, and why: real impostors. Synthetic impostors of :mod:`enrollment.synthesis` score higher
than real ones (on 2026-12-01 their 1/1,000 quantile was 0.0270 against FVC2002 B's 0.0245), so thresholds fitted
on them sat above where real impostors stop and cost real mates: FNMR 12.7 % at FMR_1_IN_1000 against 7.8 %
now. The impostors are every pair of different fingers *within* one of the FVC2002 B sets DB1_B .. DB4_B
(4 x 2,880 = 11,520 pairs; DB2_B read at its sensor's 569 dpi). Pairs across two sets (38,400) are not fitted on:
two sensors and two resolutions make easier impostors (at FMR_1_IN_1000, a third of the named rate), and the
kiosk compares prints of one scanner model. DB4_B is itself synthetic (SFinGe), the heaviest of the four tails;
it is kept, on the safe side.

Protocol (:mod:`.run` runs it; the matcher's constants are the published MCC values):

1. Data: every image of each set extracted once by :mod:`enrollment.extraction` at the set's resolution
   (:mod:`enrollment.evaluation.fvc_templates`), labelled ``<set>/<finger>``.
2. Scores: ``match`` of every pair; same label genuine (1,120 pairs), different fingers of one set impostor.
3. Knots (score, log10 FMR): the score with exactly f*M of the M impostors at or above it, for
   f = 10^0, 10^-0.5, ... while f*M >= ``KNOT_MIN_SAMPLES`` (100; <= 10 % relative error). log10 FMR is linear
   between knots.
4. Tail: a generalised Pareto law fitted (maximum likelihood) to the excesses of the highest impostors over the
   next one: ``TAIL_SAMPLES`` (1,000) of them, or ``TAIL_FRACTION`` (2 %) of a smaller set (230 of 11,520).
   Knots further down to 10^-6 follow it, continued from the previous knot where that knot lies above the model,
   and never below the empirical quantile while it still has ``EMPIRICAL_FLOOR_SAMPLES`` (10) impostors above
   it: the stricter of model and data. Past 10^-6 log10 FMR falls with ``TAIL_SLOPE`` (the last segment's);
   fusion floors the FMR at ``MIN_FINGER_FMR``.
5. Thresholds: ``threshold_for(f)`` on those knots, rounded UP to 1e-5, so ``fmr_of(FMR_1_IN_x) <= 1/x`` and
   :func:`enrollment.matching.fmr_curve.fmr_of` (fusion's score -> FMR) is the very curve the thresholds come
   from, over its whole range.
6. Inputs recorded in ``CALIBRATION_PROTOCOL``: digests of the templates and of the impostor scores, the source
   versions of the extractor (and generator, for a synthetic fit) and matcher, the Python and library versions.
   A run from the same inputs writes the same block (``--verify``; a test runs a small synthetic calibration twice).
7. Checks, reported and never fitted on (``RESULTS.md``): the observed FMR with its exact 95 % interval at each
   threshold, in-sample and on the cross-set pairs; a leave-one-set-out (fit on three sets, count the fourth);
   optionally (``--fingers N``) a synthetic population at the real thresholds.

What is held out, honestly: nothing real. The extractor was tuned on FVC2002 B and the thresholds are now fitted
on it, so FVC2002 B is a development set and every figure on it is in-sample; the leave-one-set-out is the only
check on prints a fit did not see, and it reuses the extractor tuned on all four. The FVC2004 sets of the public
openafis repository are reserved for independent evaluation and were not touched. What the data cannot show:
with 11,520 same-set impostors, an FMR of 1/10,000 or 1/100,000 cannot be confirmed within a factor of two (no
impostor at all would still leave an upper 95 % bound of 3.2e-4); those thresholds rest on the tail model.

Calibration belongs to an extractor and a matcher: re-run this command whenever either changes (the recorded
versions say when).
"""

