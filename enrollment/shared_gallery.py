"""The kiosk's one 1:N gallery, shared by its threads.

:class:`~enrollment.matching.GalleryIndex` is not thread-safe: an add replaces its per-print arrays one after
another, a removal flips rows dead, and even a search writes (the LRU cache of prepared cylinders and the
per-position row lists). So every use of the index goes through one lock, held for a whole search, add or
removal: searches and changes run one at a time, each on a consistent index (a search waits at most for one add,
an add for one search). The index is built (at start-up, from the record) before the gallery is shared.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

from enrollment.identification import SearchOutcome, build_index, search
from enrollment.records.enrolled_prints import EnrolledPrint
from enrollment.template import Template


class SharedGallery:
    """The gallery index and each person's enrolment locations, behind one lock."""

    def __init__(self, prints: Iterable[EnrolledPrint] = ()) -> None:
        self._lock = threading.Lock()
        self._index, self._locations = build_index(prints)

    def search(self, probe: Mapping[int, Template]) -> SearchOutcome:
        """The kiosk's 1:N search (:func:`enrollment.identification.search`) against the index as it is now."""
        with self._lock:
            return search(self._index, self._locations, probe)

    def add_person(self, person_id: str, location_id: str, prints: Mapping[int, Template]) -> None:
        """Index a newly enrolled person's prints (finger position -> template)."""
        with self._lock:
            self._index.extend((person_id, position, template) for position, template in prints.items())
            self._locations.setdefault(person_id, set()).add(location_id)

    def add_persons(self, persons: Iterable[tuple[str, str, Mapping[int, Template]]]) -> None:
        """Index many persons' prints at once (person id, location, finger position -> template): one extension
        of the index, not one per person."""
        persons = list(persons)
        with self._lock:
            self._index.extend((person_id, position, template) for person_id, _location, prints in persons
                               for position, template in prints.items())
            for person_id, location_id, _prints in persons:
                self._locations.setdefault(person_id, set()).add(location_id)

    def remove_person(self, person_id: str) -> int:
        """Take a person's prints out of the index (e.g. consent withdrawn); returns how many went."""
        with self._lock:
            self._locations.pop(person_id, None)
            return self._index.remove(person_id)

    @property
    def persons(self) -> int:
        with self._lock:
            return self._index.subjects

    def __len__(self) -> int:
        with self._lock:
            return len(self._index)
