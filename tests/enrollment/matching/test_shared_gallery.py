"""The kiosk's shared gallery: searches and adds from several threads at once each see a consistent index."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from enrollment.errors import MatchingError, TemplateFormatError
from enrollment.records.enrolled_prints import EnrolledPrint
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.shared_gallery import SharedGallery

pytestmark = pytest.mark.timeout(600)


def _persons(make_finger, seed: int, prefix: str, count: int) -> dict[str, dict[int, object]]:
    generator = np.random.default_rng(seed)
    return {f"{prefix}{i:04d}": {2: make_finger(generator, 2), 7: make_finger(generator, 7)} for i in range(count)}


def _probe(impression, prints: dict, seed: int) -> dict:
    """Another impression of each finger (the helper may round a minutia onto the image's edge: next seed then)."""
    for attempt in range(20):
        try:
            rng = np.random.default_rng((seed, attempt))
            return {pos: impression(t, rng) for pos, t in prints.items()}
        except TemplateFormatError:
            continue
    raise AssertionError("no impression inside the image")


def test_concurrent_searches_and_adds_find_every_mate(make_finger, impression):
    base = _persons(make_finger, 5, "B", 400)
    new = _persons(make_finger, 6, "N", 40)
    gallery = SharedGallery(EnrolledPrint(person, f"i-{person}", "loc-a", pos, t)
                            for person, prints in base.items() for pos, t in prints.items())
    errors: list[BaseException] = []
    found: list[tuple[str, str | None]] = []

    probes = {person: _probe(impression, prints, n) for n, (person, prints) in enumerate({**base, **new}.items())}

    def top(person: str) -> None:
        outcome = gallery.search(probes[person])
        best = outcome.candidates[0]["person_id"] if outcome.decision is IdentificationDecision.HIT else None
        found.append((person, best))

    def searcher(k: int) -> None:
        try:
            names = sorted(base)[k::3][:12]
            for person in names:
                top(person)
        except BaseException as exc:
            errors.append(exc)

    def adder() -> None:
        try:
            for n, (person, prints) in enumerate(new.items()):
                gallery.add_person(person, "loc-b", prints)
                if n % 4 == 0:
                    top(person)  # an add is seen by the next search
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=searcher, args=(k,)) for k in range(3)] + [threading.Thread(target=adder)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=500)
    assert not errors, errors
    assert len(found) == 36 + 10
    assert all(best == person for person, best in found), [f for f in found if f[0] != f[1]]
    assert gallery.persons == 440 and len(gallery) == 880
    for person in ("N0001", "N0039"):
        outcome = gallery.search(probes[person])
        assert outcome.candidates[0]["person_id"] == person
        assert outcome.candidates[0]["locations"] == ["loc-b"]
    assert gallery.remove_person("N0001") == 2
    assert gallery.persons == 439


def test_an_invalid_print_adds_nothing(make_finger):
    gallery = SharedGallery()
    rng = np.random.default_rng(1)
    with pytest.raises(MatchingError):
        gallery.add_person("P", "loc-a", {2: make_finger(rng, 2), 11: make_finger(rng, 7)})
    assert len(gallery) == 0 and gallery.persons == 0


def test_persons_added_at_once_are_found_at_their_locations(make_finger, impression):
    persons = _persons(make_finger, 8, "F", 30)
    gallery = SharedGallery(EnrolledPrint(p, f"i-{p}", "loc-a", pos, t)
                            for p, prints in _persons(make_finger, 9, "B", 30).items() for pos, t in prints.items())
    gallery.add_persons((person, "loc-other", prints) for person, prints in persons.items())
    assert gallery.persons == 60 and len(gallery) == 120
    for n, person in enumerate(("F0000", "F0029")):
        outcome = gallery.search(_probe(impression, persons[person], 100 + n))
        assert outcome.candidates[0]["person_id"] == person
        assert outcome.candidates[0]["locations"] == ["loc-other"]
