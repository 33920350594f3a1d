"""1:N identification: planted duplicates, new persons, index maintenance."""

from __future__ import annotations

import numpy as np
import pytest

from enrollment.errors import MatchingError
from enrollment.matching import GalleryIndex, person_threshold


@pytest.fixture(scope="module")
def persons(make_finger) -> dict[str, dict[int, object]]:
    generator = np.random.default_rng(99)
    return {f"P{i:05d}": {2: make_finger(generator, 2), 7: make_finger(generator, 7)} for i in range(1500)}


@pytest.fixture(scope="module")
def gallery(persons) -> GalleryIndex:
    index = GalleryIndex()
    index.rebuild((s, pos, t) for s, fingers in persons.items() for pos, t in fingers.items())
    return index


def test_planted_duplicate_is_found_at_rank_one_above_threshold(gallery, persons, rng, impression):
    threshold = person_threshold(1e-3, gallery.subjects)
    for subject in ("P00017", "P00777", "P01499"):
        probe = {pos: impression(t, rng) for pos, t in persons[subject].items()}
        result = gallery.search(probe, limit=5)
        assert result[0].subject_id == subject
        assert result[0].fused_score >= threshold
        assert set(result[0].per_finger_scores) == {2, 7}
        assert [c.fused_score for c in result] == sorted((c.fused_score for c in result), reverse=True)


def test_one_finger_probe_still_finds_the_person(gallery, persons, rng, impression):
    probe = {7: impression(persons["P00300"][7], rng)}
    assert gallery.search(probe, limit=1)[0].subject_id == "P00300"


def test_new_person_has_no_candidate_above_threshold(gallery, rng, make_finger):
    threshold = person_threshold(1e-3, gallery.subjects)
    for _ in range(3):
        probe = {2: make_finger(rng, 2), 7: make_finger(rng, 7)}
        assert gallery.search(probe, threshold=threshold) == []


def test_preselection_agrees_with_exhaustive_search(gallery, persons, rng, impression):
    probe = {pos: impression(t, rng) for pos, t in persons["P00042"].items()}
    fast = gallery.search(probe, limit=1)[0]
    full = gallery.search(probe, limit=1, exhaustive=True)[0]
    assert (fast.subject_id, fast.fused_score) == (full.subject_id, pytest.approx(full.fused_score))


def test_add_remove_rebuild_stay_consistent(persons, rng, impression):
    items = [(s, pos, t) for s, fingers in list(persons.items())[:200] for pos, t in fingers.items()]
    incremental, rebuilt = GalleryIndex(), GalleryIndex()
    for item in items:
        incremental.add(*item)
    rebuilt.rebuild(items)
    assert len(incremental) == len(rebuilt) == 400 and incremental.subjects == rebuilt.subjects == 200
    probe = {pos: impression(t, rng) for pos, t in persons["P00123"].items()}
    a, b = incremental.search(probe, limit=3), rebuilt.search(probe, limit=3)
    assert [(c.subject_id, round(c.fused_score, 9)) for c in a] == [(c.subject_id, round(c.fused_score, 9)) for c in b]
    assert incremental.remove("P00123", 7) == 1 and len(incremental) == 399
    assert set(incremental.search(probe, limit=1)[0].per_finger_scores) == {2}
    assert incremental.remove("P00123") == 1 and "P00123" not in incremental
    assert all(c.subject_id != "P00123" for c in incremental.search(probe, limit=20))
    assert incremental.remove("nobody") == 0
    incremental.add("P00123", 2, persons["P00123"][2])
    assert incremental.search(probe, limit=1)[0].subject_id == "P00123"


def test_many_removals_compact_the_index(persons):
    items = [(s, pos, t) for s, fingers in list(persons.items())[:300] for pos, t in fingers.items()]
    index = GalleryIndex()
    index.rebuild(items)
    for subject in list(persons)[:290]:
        index.remove(subject)
    assert len(index) == 20 and index.subjects == 10
    subject = list(persons)[295]
    assert index.search(dict(persons[subject]), limit=1)[0].subject_id == subject


def test_bad_input_is_refused(gallery, rng, make_finger):
    with pytest.raises(MatchingError):
        gallery.search({})
    with pytest.raises(MatchingError):
        GalleryIndex().add("x", 11, make_finger(rng))
    assert GalleryIndex().search({2: make_finger(rng)}) == []
