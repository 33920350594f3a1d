"""Gallery sketches kept as bytes (:mod:`enrollment.matching.sketch_form`) build the same index as sketches
computed: a search over an index built from kept sketches returns the same candidates with the same scores, to the
bit; kept sketches of another sketch version or of other template bytes are not used."""

from __future__ import annotations

import dataclasses

import numpy as np

from enrollment.matching import parameters as p
from enrollment.matching import sketch_form
from enrollment.matching.gallery import GalleryIndex
from enrollment.synthesis import synthesize_minutiae
from enrollment.template import serialize

PERSONS = 130  # more prints per position than SHORTLIST_PER_FINGER: the coarse pass picks the shortlist
POSITIONS = (2, 7)


def _gallery(count: int, seed: int, start: int = 0):
    fingers = list(synthesize_minutiae(count * len(POSITIONS), seed, start=start))
    return [dataclasses.replace(t, finger_position=POSITIONS[k % 2]) for k, t in enumerate(fingers)]


def _search_all(index: GalleryIndex, probes):
    return [[(c.subject_id, c.fused_score, c.per_finger_scores) for c in index.search(probe, limit=10)]
            for probe in probes]


def test_an_index_from_kept_sketches_searches_exactly_as_one_computing_them():
    assert PERSONS > p.SHORTLIST_PER_FINGER
    templates = _gallery(PERSONS, seed=41)
    items = [(f"person-{k // 2}", t.finger_position, t) for k, t in enumerate(templates)]
    computed = GalleryIndex()
    computed.rebuild(items)
    blobs = [serialize(t) for t in templates]
    kept = [sketch_form.read(sketch_form.write(blob, s), blob)
            for blob, s in zip(blobs, sketch_form.compute(templates), strict=True)]
    assert all(k is not None for k in kept)
    kept[5] = None  # one computed while the index is built from the others
    from_kept = GalleryIndex()
    from_kept.rebuild(items, kept)
    for a, b in ((computed._store, from_kept._store),):
        assert np.array_equal(a.words, b.words) and a.words.dtype == b.words.dtype
        assert a.directions.tobytes() == b.directions.tobytes() and a.counts.tobytes() == b.counts.tobytes()
    assert np.array_equal(computed._start, from_kept._start) and np.array_equal(computed._length, from_kept._length)
    mated = [{t.finger_position: t for t in templates[2 * k:2 * k + 2]} for k in (0, 17, 99)]
    strangers = _gallery(3, seed=41, start=2 * PERSONS)
    probes = [*mated, {2: strangers[0], 7: strangers[1]}, {2: strangers[2]}]
    results = _search_all(computed, probes)
    assert results == _search_all(from_kept, probes)
    assert [r[0][0] for r in results[:3]] == ["person-0", "person-17", "person-99"]


def test_kept_sketches_of_another_version_or_other_template_bytes_are_not_used():
    templates = _gallery(2, seed=7)
    blobs = [serialize(t) for t in templates]
    data = sketch_form.write(blobs[0], sketch_form.compute(templates[:1])[0])
    assert sketch_form.read(data, blobs[0]) is not None
    assert sketch_form.read(data, blobs[1]) is None
    other_version = bytes([data[0] ^ 1]) + data[1:]
    assert sketch_form.read(other_version, blobs[0]) is None
    assert sketch_form.read(data[:-1], blobs[0]) is None
    assert sketch_form.read(None, blobs[0]) is None
