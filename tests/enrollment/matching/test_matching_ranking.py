"""Ranking of 1:N candidates when the fused score saturates, and one operating point per decision."""

from __future__ import annotations

import re

from click.testing import CliRunner

from enrollment import identification
from enrollment.matching import GalleryIndex, fuse, person_threshold
from enrollment.matching import parameters as p
from enrollment.template import to_iso
from kiosk.cli import main


def test_a_near_identical_candidate_ranks_above_a_weaker_one_with_the_same_saturated_fused_score(
        rng, make_finger, impression):
    person = {2: make_finger(rng, 2), 7: make_finger(rng, 7)}
    index = GalleryIndex()
    for position, template in person.items():
        index.add("a-weaker", position, impression(template, rng))  # sorts first by id
        index.add("z-same", position, template)  # the very prints on the glass
    for position in (2, 7):
        index.add("m-other", position, make_finger(rng, position))
    found = index.search(person, limit=3)
    weaker, same = (next(c for c in found if c.subject_id == s) for s in ("a-weaker", "z-same"))
    # both saturate at the fusion ceiling (per-finger FMR floored at MIN_FINGER_FMR) ...
    ceiling = fuse({2: 1.0, 7: 1.0})
    assert weaker.fused_score == same.fused_score == ceiling
    assert sum(weaker.per_finger_scores.values()) < sum(same.per_finger_scores.values())
    # ... and the raw matcher scores break the tie
    assert [c.subject_id for c in found] == ["z-same", "a-weaker", "m-other"]
    assert [c.subject_id for c in index.search(person, limit=3, exhaustive=True)] == ["z-same", "a-weaker", "m-other"]


def test_threshold_names_are_made_from_the_operating_points():
    assert f"FMR_1_IN_{round(1 / p.VERIFY_FMR)}" == identification.VERIFY_THRESHOLD_NAME
    assert f"FMR_1_IN_{round(1 / p.IDENTIFY_FMR_PER_SEARCH)}_PER_SEARCH" == identification.SEARCH_THRESHOLD_NAME
    assert identification.operating_point_name(1e-3) == "FMR_1_IN_1000"
    assert identification.operating_point_name(1e-4, per_search=True) == "FMR_1_IN_10000_PER_SEARCH"


def test_zuil_identify_searches_at_the_kiosk_operating_point(tmp_path, rng, make_finger, impression):
    gallery = tmp_path / "gallery"
    gallery.mkdir()
    fingers = {f"p{i}": make_finger(rng, 2) for i in range(12)}
    for subject, template in fingers.items():
        (gallery / f"{subject}_2.iso").write_bytes(to_iso(template))
    probe = tmp_path / "probe_2.iso"
    probe.write_bytes(to_iso(impression(fingers["p3"], rng)))
    result = CliRunner().invoke(main, ["identify", str(probe), "--gallery", str(gallery)])
    assert result.exit_code == 0, result.output
    shown = re.search(r"hit threshold (\S+) \(FMR (\S+) per search\)", result.output)
    assert shown is not None, result.output
    # the kiosk's search of the same gallery (enrollment.identification) decides at this very threshold
    index = GalleryIndex()
    index.rebuild((subject, 2, template) for subject, template in fingers.items())
    kiosk = identification.search(index, {}, {2: impression(fingers["p3"], rng)})
    assert float(shown.group(2)) == p.IDENTIFY_FMR_PER_SEARCH
    expected = round(person_threshold(p.IDENTIFY_FMR_PER_SEARCH, 12), 2)
    assert float(shown.group(1)) == round(kiosk.threshold, 2) == expected


def test_the_vnumber_check_reports_the_closest_held_impression_when_fused_scores_saturate(
        rng, make_finger, impression):
    live = {2: make_finger(rng, 2), 7: make_finger(rng, 7)}
    held = {position: [impression(t, rng), t] for position, t in live.items()}  # a weaker one first
    outcome = identification.check_vnumber(live, held)
    assert outcome is not None and outcome.fused_score == round(fuse({2: 1.0, 7: 1.0}), 3)
    assert min(outcome.per_finger.values()) > 0.99  # the identical impression's scores, not the weaker one's
