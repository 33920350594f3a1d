"""Encrypted record stores of synthetic persons for ``zuil bench gallery``: a real SQLite record store (the
kiosk's schema, every template and person link sealed as the kiosk seals them) under the demo keys, with
``persons`` consented intakes of two prints each (minutia-level synthetic templates, fingers of
:func:`~enrollment.synthesis.synthesize_minutiae`, with their gallery sketches sealed next to them as
:func:`~enrollment.records.enrolled_prints.keep_sketches` stores them).

A store is made once per (persons, seed) in ``<root>/persons-<N>-seed-<S>`` and reused while its ``complete``
marker is there; one left half-made is made again. The rows are inserted in bulk, a few thousand persons per
transaction; the templates (and their sketches) are synthesised by a pool of worker processes. A reused store's
missing or out-of-date sketches are computed and stored when it is opened.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from enrollment.atomic_files import write_text_atomically
from enrollment.consent import consent_text
from enrollment.evaluation import parameters
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.parameters import DEMO_FOLDER
from enrollment.matching import sketch_form
from enrollment.records.enrolled_prints import keep_sketches, sketch_field
from enrollment.records.field_cipher import Field
from enrollment.records.intakes import text_digest
from enrollment.records.models import CaptureRow, ConsentRecord, Intake, LocationRow, Person, new_id
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ConsentDecision, IntakeStatus
from enrollment.synthesis import synthesize_minutiae
from enrollment.template import serialize
from enrollment.template.native_batch import deserialize_many

LOCATION = "bench"
COMPLETE = "complete"


def store_folder(root: Path, persons: int, seed: int) -> Path:
    return Path(root) / f"persons-{persons}-seed-{seed}"


def _fingers(seed: int, start: int, count: int) -> list[tuple[bytes, bytes]]:
    """Native bytes of fingers ``start`` .. ``start + count - 1`` (each person's two prints in turn, at the
    bench's two finger positions), each with its gallery sketches' bytes (:mod:`enrollment.matching.sketch_form`)."""
    positions = parameters.PROBE_POSITIONS
    templates = [dataclasses.replace(t, finger_position=positions[(start + k) % len(positions)])
                 for k, t in enumerate(synthesize_minutiae(count, seed, start=start))]
    blobs = [serialize(t) for t in templates]
    decoded = deserialize_many(blobs)  # sketches of the template as stored (serialising rounds it)
    return [(blob, sketch_form.write(blob, sketches))
            for blob, sketches in zip(blobs, sketch_form.compute(decoded), strict=True)]


def _chunks(persons: int, seed: int, workers: int) -> Iterator[list[tuple[bytes, bytes]]]:
    fingers = persons * len(parameters.PROBE_POSITIONS)
    step = parameters.GALLERY_LOAD_CHUNK
    tasks = [(seed, start, min(step, fingers - start)) for start in range(0, fingers, step)]
    if workers <= 1 or len(tasks) <= 1:
        yield from (_fingers(*task) for task in tasks)
        return
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(_star_fingers, tasks)


def _star_fingers(task: tuple[int, int, int]) -> list[tuple[bytes, bytes]]:
    return _fingers(*task)


def _rows(store: RecordStore, blobs: list[tuple[bytes, bytes]]) -> dict[type, list[dict]]:
    """The rows of one consented intake with two sealed prints per person (template and sketches), for ``blobs``
    taken two by two."""
    cipher, now = store.cipher, datetime.now(UTC)
    per = len(parameters.PROBE_POSITIONS)
    shown = consent_text("en")  # a text the kiosk has: the record refuses any other
    consent_sha = text_digest(shown.text)
    rows: dict[type, list[dict]] = {Person: [], Intake: [], ConsentRecord: [], CaptureRow: []}
    for first in range(0, len(blobs), per):
        person, intake = new_id(), new_id()
        rows[Person].append({"id": person, "created_at": now})
        rows[Intake].append({
            "id": intake, "person_sealed": cipher.seal(Field("intakes", intake, "person_sealed"), person.encode()),
            "location_id": LOCATION, "kiosk_id": "bench", "has_v_number": 0, "v_number_sealed": None,
            "v_number_hmac": None, "status": IntakeStatus.COMPLETED, "biometrics_enabled": 1, "started_at": now})
        rows[ConsentRecord].append({"id": new_id(), "intake_id": intake, "language": shown.language,
                                    "text_id": shown.text_id, "text_version": shown.version,
                                    "text_sha256": consent_sha, "decision": ConsentDecision.GIVEN, "decided_at": now})
        for k, (blob, sketches) in enumerate(blobs[first:first + per]):
            capture = new_id()
            rows[CaptureRow].append({
                "id": capture, "intake_id": intake, "finger_position": parameters.PROBE_POSITIONS[k], "quality": 60,
                "template_sealed": cipher.seal(Field("captures", capture, "template_sealed", intake), blob),
                "sketch_sealed": cipher.seal(sketch_field(capture, intake), sketches),
                "image_sealed": None, "device_id": "bench", "captured_at": now})
    return rows


def open_store(root: Path, persons: int, seed: int = parameters.GALLERY_LOAD_SEED, *,
               workers: int = parameters.WORKERS, progress: bool = False) -> tuple[RecordStore, bool]:
    """The bench store of ``persons`` persons (made now unless a complete one is there) and whether it was made."""
    folder = store_folder(root, persons, seed)
    url = f"sqlite:///{folder / 'records.sqlite3'}"
    if (folder / COMPLETE).exists():
        store = RecordStore(url, open_demo_keys(folder / DEMO_FOLDER))
        with store.transaction() as session:  # a store made before the sketches were kept next to the templates
            keep_sketches(session, every=True)
        return store, False
    if folder.exists():
        shutil.rmtree(folder)
    store = RecordStore(url, open_demo_keys(folder / DEMO_FOLDER))
    with store.transaction() as session:
        session.add(LocationRow(id=LOCATION, name="bench", region="bench"))
    from tqdm import tqdm

    bar = tqdm(total=persons, desc=f"bench store, {persons} persons", unit="person", disable=not progress,
               leave=False)
    for blobs in _chunks(persons, seed, workers):
        rows = _rows(store, blobs)
        with store.transaction() as session:
            for model in (Person, Intake, ConsentRecord, CaptureRow):
                session.execute(insert(model), rows[model])
        bar.update(len(rows[Person]))
    bar.close()
    write_text_atomically(folder / COMPLETE, f"{persons} persons, seed {seed}\n")
    return store, True
