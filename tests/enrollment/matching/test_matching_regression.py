"""Scores frozen before the speed work: the optimised kernels must reproduce them exactly.

The FMR thresholds in ``parameters.py`` are calibrated on these scores, so a pure optimisation must not move
any of them. The literals below were computed once with the matcher as it was before the speed work (commit
c2bf549) on seeded synthetic fingers (the conftest population model) and on the public SourceAFIS ISO
sample templates; the test compares exactly (``==`` on float64).
"""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.matching import GalleryIndex, match, sketch
from enrollment.matching import parameters as p
from enrollment.matching.fusion import fuse
from enrollment.template import read_templates
from enrollment.template.model import Template


def synthetic_pairs(make_finger, impression) -> list[tuple]:
    """Mated (mild and hard) and non-mated pairs of seeded fingers, plus a tiny template and a self-match."""
    g = np.random.default_rng(314159)
    fingers = [make_finger(g) for _ in range(12)]
    pairs = []
    for f in fingers:
        pairs.append((f, impression(f, g)))
        pairs.append((impression(f, g, rotation=1.2, drop=0.4), impression(f, g)))
    for k in range(len(fingers)):
        pairs.append((fingers[k], fingers[(k + 1) % len(fingers)]))
    pairs.append((impression(fingers[0], g, drop=0.9, spurious=0.0), fingers[0]))
    pairs.append((fingers[3], fingers[3]))
    return pairs


def iso_templates(samples) -> list:
    return [read_templates((samples / f"iso-{n}.dat").read_bytes())[0] for n in ("probe", "matching", "nonmatching")]


def gallery_and_probes(make_finger, impression) -> tuple[GalleryIndex, list[dict]]:
    """1100 persons x 2 fingers (enough rows at a position for both coarse passes) and five seeded probes."""
    g = np.random.default_rng(2718)
    persons = {f"R{i:05d}": {2: make_finger(g, 2), 7: make_finger(g, 7)} for i in range(1100)}
    index = GalleryIndex()
    index.rebuild((s, pos, t) for s, f in persons.items() for pos, t in f.items())
    probes = [{pos: impression(t, g) for pos, t in persons[s].items()} for s in ("R00005", "R00500", "R01099")]
    probes.append({2: make_finger(g, 2), 7: make_finger(g, 7)})
    probes.append({7: impression(persons["R00123"][7], g, drop=0.4)})
    return index, probes


def coarse(index: GalleryIndex, probes: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """First- and second-pass sketch scores of the first probe's finger 2 against every 97th gallery row."""
    s = index._store
    probe = sketch.sketches(probes[0][2])
    rows = np.arange(0, 2200, 97)
    args = (probe, s.words, s.directions, s.counts, index._start, index._length, rows)
    return (sketch.scores(*args, p.FIRST_PASS_SKETCHES, p.FIRST_PASS_TOP),
            sketch.scores(*args, p.SKETCHES_PER_TEMPLATE, p.COARSE_TOP))


# --- literals computed with the matcher of commit c2bf549 (before the speed work) ---
SYNTHETIC_SCORES = [0.26761220012501835, 0.10140085174190695, 0.2693874902730428, 0.036584996843164526,
 0.31713884523566066, 0.037622498956255475, 0.29388720132676205, 0.09471758242091381,
 0.2321076960917584, 0.03984634054535837, 0.3043607693909716, 0.0494297996154877,
 0.28211715443472096, 0.05841627163898945, 0.22646357445878373, 0.11724931530814864,
 0.2857583691224531, 0.07330380806924201, 0.27940902788737165, 0.04701768315183956,
 0.2852665706875173, 0.055773403235965524, 0.2621278789338506, 0.11891129142297589,
 0.013446468350557026, 0.013905737108137584, 0.0149636537802404, 0.012927516253733602,
 0.014153325643784196, 0.014184191854091853, 0.012506453953651867, 0.01243959963386299,
 0.012619660087086919, 0.014214032111885723, 0.013138466990902683, 0.014087056917628188, 0.0,
 0.9972254732090834]
ISO_SCORES = [0.9972254732090834, 0.9972254732090834, 0.012920629535471274, 0.9972254732090834,
 0.9972254732090834, 0.012920629535471274, 0.013016837470545883, 0.013016837470545883,
 0.9972254732090834]
SEARCH_RESULTS = [[('R00005', 16.37215779037709, {2: 0.24092794057872888, 7: 0.2844455649863473}),
  ('R00625', 1.5157272027502957, {2: 0.01759126208319264, 7: 0.013511139893881141}),
  ('R01001', 1.3274339357613014, {2: 0.011685764950541288, 7: 0.017506462344870924}),
  ('R00458', 1.2529790398694438, {2: 0.013922125589955078, 7: 0.01639151937941759})],
 [('R00500', 16.37215779037709, {2: 0.25326820109760256, 7: 0.26670508174406565}),
  ('R00900', 1.0131713601928412, {2: 0.013068051034327469, 7: 0.01592286432875866}),
  ('R00455', 0.9658298205230101, {2: 0.014697387238458292, 7: 0.014626346959822975}),
  ('R01016', 0.9460054849314676, {2: 0.012299152782929333, 7: 0.015919146941145504})],
 [('R01099', 16.37215779037709, {2: 0.2877531788973788, 7: 0.24013456492226556}),
  ('R00451', 1.468378901797491, {2: 0.017736543804884288, 7: 0.012556738888982129}),
  ('R00066', 1.3520473784023113, {2: 0.015325937524965609, 7: 0.015284607067833184}),
  ('R00860', 1.1377477381179175, {2: 0.016554576726180176, 7: 0.012400140498563063})],
 [('R00570', 1.583282262294636, {2: 0.01534587374974404, 7: 0.0160262159521582}),
  ('R00675', 1.508416101664686, {2: 0.013647098046330117, 7: 0.017519071392325447}),
  ('R00862', 1.4766319684273286, {2: 0.01740569538637479, 7: 0.013637637898040846}),
  ('R00953', 1.349896496078296, {2: 0.016609654244282974, 7: 0.014034445889641006})],
 [('R00123', 8.999999999999998, {7: 0.28926569319282885}),
  ('R00706', 1.57191613212573, {7: 0.0167396455192115}),
  ('R00584', 1.396263779460561, {7: 0.01623148055887007}),
  ('R01029', 1.0820349742054691, {7: 0.015363580598755505})]]
FIRST_PASS_SCORES = [0.3739622648286897, 0.33653425761895556, 0.36445452956334745, 0.3525338344993325,
 0.4707235846428235, 0.38689283853980083, 0.3636180147160417, 0.3722547980826495,
 0.33056057308448833, 0.41053485097517606, 0.3482050807568877, 0.39187704402071766,
 0.3887139043599024, 0.37686917616927157, 0.372742145714042, 0.369595450941112, 0.3657180327860544,
 0.405484216034807, 0.37884772166382547, 0.30909767264501875, 0.33312582629214815,
 0.35821172801264045, 0.33766095460454265]
SECOND_PASS_SCORES = [0.4004284265485372, 0.3828464244470171, 0.39539781517425376, 0.3766164676724269,
 0.4556758996031717, 0.3788305769021186, 0.3774392212431872, 0.40178899875941276,
 0.33484541584541555, 0.4329587878934997, 0.40385701172885413, 0.4513466948014324,
 0.43036818671412513, 0.4228247477101881, 0.4398874892198859, 0.3776003161269652,
 0.3922230133765362, 0.4050667170257754, 0.3733902283603721, 0.3443261361145132,
 0.38741144459564764, 0.3868038415026266, 0.4287992683458855]
SHORTLIST = [10, 14, 16, 50, 72, 88, 92, 136, 154, 176, 180, 184, 228, 230, 234, 242, 264, 278, 288, 294, 300,
 362, 376, 388, 392, 402, 416, 466, 490, 500, 514, 518, 534, 550, 554, 586, 608, 614, 622, 640, 774,
 820, 824, 828, 838, 840, 844, 852, 864, 868, 980, 990, 1012, 1020, 1026, 1048, 1076, 1104, 1118,
 1128, 1156, 1162, 1204, 1250, 1288, 1300, 1306, 1358, 1386, 1400, 1414, 1418, 1426, 1514, 1518,
 1532, 1534, 1564, 1566, 1596, 1604, 1644, 1660, 1694, 1698, 1702, 1726, 1768, 1772, 1806, 1894,
 1956, 1960, 2046, 2064, 2076, 2142, 2148, 2170, 2196]


def test_synthetic_pair_scores_are_unchanged(make_finger, impression):
    scores = [match(a, b) for a, b in synthetic_pairs(make_finger, impression)]
    assert scores == SYNTHETIC_SCORES


def test_iso_sample_scores_are_unchanged(sourceafis_samples):
    templates = iso_templates(sourceafis_samples)
    assert [match(a, b) for a in templates for b in templates] == ISO_SCORES


@pytest.fixture(scope="module")
def frozen_gallery(make_finger, impression):
    return gallery_and_probes(make_finger, impression)


def test_gallery_search_is_unchanged(frozen_gallery):
    """A mate stays at rank 1 and per-finger scores are the frozen ones. The fused score (and so which weak
    impostor candidates fill the list, in which order) follows the current calibration (fmr_of): it is checked
    against fusion and for descending order rather than frozen."""
    index, probes = frozen_gallery
    for probe, frozen in zip(probes, SEARCH_RESULTS, strict=True):
        candidates = index.search(probe, limit=4)
        found = [(c.subject_id, dict(sorted(c.per_finger_scores.items()))) for c in candidates]
        expected = [(subject, per_finger) for subject, _fused, per_finger in frozen]
        if frozen[0][1] > 5.0:  # a mated probe: the mate stays first, with the same per-finger scores
            assert found[0] == expected[0]
        frozen_scores = dict(expected)
        for subject, per_finger in found:  # every candidate's per-finger scores are the frozen full-match ones
            if subject in frozen_scores:
                assert per_finger == frozen_scores[subject]
            else:
                assert per_finger == index.score_subject(subject, probe).per_finger_scores
        assert all(c.fused_score == fuse(c.per_finger_scores) for c in candidates)
        assert [c.fused_score for c in candidates] == sorted((c.fused_score for c in candidates), reverse=True)


def test_coarse_scores_and_shortlist_are_unchanged(frozen_gallery):
    index, probes = frozen_gallery
    first, second = coarse(index, probes)
    assert first.tolist() == FIRST_PASS_SCORES
    assert second.tolist() == SECOND_PASS_SCORES
    assert sorted(index.shortlist(2, probes[0][2]).tolist()) == SHORTLIST


def test_batch_sketches_equal_one_at_a_time(make_finger, impression):
    g = np.random.default_rng(4)
    fingers = [make_finger(g) for _ in range(20)]
    empty = Template.create(width=100, height=100, positions=np.zeros((0, 2)), directions=np.zeros(0))
    templates = [*fingers, impression(fingers[0], g, drop=0.95, spurious=0.0), empty]
    words, directions, counts, lengths = sketch.batch_sketches(templates, p.SKETCHES_PER_TEMPLATE)
    start = 0
    for template, length in zip(templates, lengths, strict=True):
        alone = sketch.sketches(template, p.SKETCHES_PER_TEMPLATE)
        assert length == len(alone[0])
        np.testing.assert_array_equal(words[start:start + length], alone[0])
        np.testing.assert_array_equal(directions[start:start + length], alone[1])
        np.testing.assert_array_equal(counts[start:start + length], alone[2])
        start += length
    assert start == len(words) and lengths[-1] == 0
