"""Each capture's gallery sketches sealed next to its template (``captures.sketch_sealed``), in a real encrypted
SQLite store: the gallery loads them instead of computing them, :func:`keep_sketches` stores those missing, a
sealed sketch moved to another capture is refused, never used, and the purge takes them with the template."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import numpy as np
import pytest
from sqlalchemy import select

from enrollment.audit.log_store import AuditLog
from enrollment.evaluation.gallery_store import open_store, store_folder
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import rotate_keys
from enrollment.keys.keyring import Purpose
from enrollment.keys.parameters import DEMO_FOLDER
from enrollment.matching import sketch_form
from enrollment.records import consents
from enrollment.records.enrolled_prints import enrolled_prints, keep_sketches
from enrollment.records.field_cipher import SealedFieldRefused
from enrollment.records.models import CaptureRow
from enrollment.records.reseal import reseal, sealed_versions
from enrollment.records.store import RecordStore
from enrollment.retention import run_purge
from enrollment.settings import RetentionSettings
from tests.enrollment.records.retention_records import consented

PERSONS, SEED = 5, 11


def _loaded(root):
    store, _made = open_store(root, PERSONS, seed=SEED, workers=1)
    try:
        with store.transaction() as session:
            return list(enrolled_prints(session))
    finally:
        store.close()


def _sql(root, statement: str, *args) -> None:
    with sqlite3.connect(store_folder(root, PERSONS, SEED) / "records.sqlite3") as connection:
        connection.execute(statement, args)


def test_the_gallery_loads_the_kept_sketches_the_index_would_compute(tmp_path):
    prints = _loaded(tmp_path)
    assert len(prints) == 2 * PERSONS and all(p.sketches is not None for p in prints)
    for p, computed in zip(prints, sketch_form.compute([p.template for p in prints]), strict=True):
        assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(p.sketches, computed, strict=True))


def _raw_store(root) -> RecordStore:
    """The bench store opened as the kiosk opens its own (nothing filled in on opening)."""
    folder = store_folder(root, PERSONS, SEED)
    return RecordStore(f"sqlite:///{folder / 'records.sqlite3'}", open_demo_keys(folder / DEMO_FOLDER))


def test_missing_sketches_are_computed_then_kept_once(tmp_path):
    _loaded(tmp_path)
    _sql(tmp_path, "UPDATE captures SET sketch_sealed = NULL")
    store = _raw_store(tmp_path)
    try:
        with store.transaction() as session:
            assert all(p.sketches is None for p in enrolled_prints(session))
            assert keep_sketches(session) == 2 * PERSONS
        with store.transaction() as session:
            assert keep_sketches(session) == 0 and keep_sketches(session, every=True) == 0
            prints = list(enrolled_prints(session))
    finally:
        store.close()
    assert all(p.sketches is not None for p in prints)
    for p, computed in zip(prints, sketch_form.compute([p.template for p in prints]), strict=True):
        assert all(np.array_equal(a, b) for a, b in zip(p.sketches, computed, strict=True))


def test_a_sealed_sketch_moved_to_another_capture_is_refused(tmp_path):
    _loaded(tmp_path)
    _sql(tmp_path, "UPDATE captures SET sketch_sealed = (SELECT sketch_sealed FROM captures ORDER BY id LIMIT 1) "
                   "WHERE id = (SELECT id FROM captures ORDER BY id DESC LIMIT 1)")
    with pytest.raises(SealedFieldRefused, match=r"captures\.sketch_sealed of row"):
        _loaded(tmp_path)


def test_the_purge_of_withdrawn_prints_takes_their_sketches_too(sqlite_url, keyring, tmp_path):
    rs = RecordStore(sqlite_url, keyring)
    try:
        intake_id = consented(rs, 5)
        with rs.transaction() as session:
            assert keep_sketches(session) == 2
            consents.withdraw_consent(session, intake_id)
        run_purge(rs, AuditLog(tmp_path / "audit.sqlite3"), RetentionSettings(), datetime.now(UTC))
        with rs.transaction() as session:
            rows = session.execute(select(CaptureRow.template_sealed, CaptureRow.sketch_sealed)).all()
    finally:
        rs.close()
    assert rows == [(None, None), (None, None)]


def test_a_reseal_after_key_rotation_moves_the_sketches_and_they_still_load(sqlite_url, keyring):
    rs = RecordStore(sqlite_url, keyring)
    consented(rs, 3)
    with rs.transaction() as session:
        assert keep_sketches(session) == 2
    rs.close()
    rotate_keys(keyring.path.parent, Secrets(), master=False, purposes=[Purpose.GALLERY])
    rs = RecordStore(sqlite_url, open_demo_keys(keyring.path.parent))
    try:
        assert reseal(rs).fields == 5  # the person link, 2 templates, 2 sketches
        with rs.engine.connect() as connection:
            assert set(sealed_versions(connection).resealed) == {2}
        with rs.transaction() as session:
            assert [p.sketches is not None for p in enrolled_prints(session)] == [True, True]
    finally:
        rs.close()
