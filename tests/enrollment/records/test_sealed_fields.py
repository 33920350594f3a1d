"""The record's sealed fields through the real store (a real SQLite file): they round-trip; a ciphertext moved to
another row, column or intake, or altered, is refused by name and never used; a key rotation keeps old rows
readable; a key file the store was not written with is refused before anything is written; the V-number is found
by its keyed hash; nothing but the sealed link joins an intake to its person."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from click.testing import CliRunner

from enrollment.consent import consent_text
from enrollment.keys import parameters
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import unlock_keys
from enrollment.records import field_envelope, intakes, store
from enrollment.records.enrolled_prints import enrolled_prints, prints_for_vnumber
from enrollment.records.field_cipher import SealedFieldRefused
from enrollment.records.intake_reads import candidates_of, capture_image, capture_template, person_id_of, vnumber_of
from enrollment.records.key_checks import WrongKeys
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import CaptureRow, IdentificationResult, Intake
from enrollment.records.vocabulary import ConsentDecision, IdentificationDecision
from enrollment.template import Template, serialize
from enrollment.values.vnumber import parse_vnumber
from kiosk.cli import main

PASSPHRASE = "a kiosk passphrase, long enough"


def _template(seed: int) -> bytes:
    positions = [[10 + seed + 7 * i, 20 + 5 * i] for i in range(14)]
    return serialize(Template.create(width=300, height=400, positions=positions,
                                     directions=[0.1 * i for i in range(14)], quality=60, finger_position=2))


def _enroll(rs: store.RecordStore, v_number: str | None, seed: int, *, image: bytes | None = None) -> str:
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(s, location_id="utrecht", kiosk_id="k",
                                      v_number=parse_vnumber(v_number) if v_number else None)
        shown = consent_text("en")
        intakes.record_consent(s, intake, language="en", text_version=shown.version, text=shown.text,
                               decision=ConsentDecision.GIVEN)
        for position in (2, 7):
            intakes.add_capture(s, intake, finger_position=position, quality=50, template=_template(seed + position),
                                image=image, device_id="sim")
        intakes.add_identification(s, intake, decision=IdentificationDecision.NO_HIT, threshold_name="t",
                                   gallery_size=0, candidates=[{"person_id": f"p-{seed}", "fused": 1.5}])
        return intake.id


def _db(url: str) -> str:
    return url.removeprefix("sqlite:///")


def _dump(url: str) -> list[str]:
    with sqlite3.connect(_db(url)) as conn:
        return list(conn.iterdump())


def test_every_sealed_field_round_trips_and_none_is_stored_as_given(sqlite_url, keyring):
    rs = store.RecordStore(sqlite_url, keyring)
    try:
        intake_id = _enroll(rs, "1234567890", 1, image=b"\x80raw image bytes\x81" * 20)
        with rs.transaction() as s:
            intake = s.get(Intake, intake_id)
            assert str(vnumber_of(s, intake)) == "1234567890"
            captures = sorted(intake.captures, key=lambda c: c.finger_position)
            assert [capture_template(s, c) for c in captures] == [_template(3), _template(8)]
            assert capture_image(s, captures[0]) == b"\x80raw image bytes\x81" * 20
            assert candidates_of(s, intake.identifications[0]) == [{"person_id": "p-1", "fused": 1.5}]
            person = person_id_of(s, intake)
            for sealed in (intake.person_sealed, intake.v_number_sealed, captures[0].template_sealed,
                           captures[0].image_sealed, intake.identifications[0].candidates_sealed):
                assert field_envelope.parse(sealed).key_version == 1
            assert intake.v_number_hmac.startswith("1:") and "1234567890" not in intake.v_number_hmac
    finally:
        rs.close()
    dump = "\n".join(_dump(sqlite_url))
    assert "1234567890" not in dump and "raw image" not in dump and "p-1" not in dump
    assert dump.count(person) == 1  # in the persons table only: nothing else names the person in the clear


def _swap(url: str, table: str, column: str, a: str, b: str) -> None:
    with sqlite3.connect(_db(url)) as conn:
        va, vb = (conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row,)).fetchone()[0] for row in (a, b))
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (vb, a))
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (va, b))


def _ids(url: str, sql: str) -> list[str]:
    with sqlite3.connect(_db(url)) as conn:
        return [row[0] for row in conn.execute(sql)]


def test_a_template_moved_to_another_row_is_refused_by_name(sqlite_url, keyring, caplog):
    rs = store.RecordStore(sqlite_url, keyring)
    try:
        first, second = _enroll(rs, None, 1), _enroll(rs, None, 2)
        a = _ids(sqlite_url, f"SELECT id FROM captures WHERE intake_id = '{first}' AND finger_position = 2")[0]
        b = _ids(sqlite_url, f"SELECT id FROM captures WHERE intake_id = '{second}' AND finger_position = 2")[0]
        _swap(sqlite_url, "captures", "template_sealed", a, b)
        with caplog.at_level(logging.ERROR), pytest.raises(SealedFieldRefused) as refused, rs.transaction() as s:
            list(enrolled_prints(s))
        assert refused.value.table == "captures" and refused.value.column == "template_sealed"
        assert refused.value.row in (a, b) and f"of row {refused.value.row}" in str(refused.value)
        assert "captures.template_sealed" in caplog.text  # reported
    finally:
        rs.close()


@pytest.mark.parametrize(("table", "column"), [("intakes", "person_sealed"), ("intakes", "v_number_sealed"),
                                               ("identification_results", "candidates_sealed")])
def test_any_sealed_field_moved_to_another_row_is_refused(sqlite_url, keyring, table, column):
    rs = store.RecordStore(sqlite_url, keyring)
    try:
        first, second = _enroll(rs, "1111111111", 1), _enroll(rs, "2222222222", 2)
        if table != "intakes":
            first, second = (_ids(sqlite_url, f"SELECT id FROM {table} WHERE intake_id = '{i}'")[0]
                             for i in (first, second))
        _swap(sqlite_url, table, column, first, second)
        with pytest.raises(SealedFieldRefused, match=f"{table}.{column} of row {first}"), rs.transaction() as s:
            row = s.get(Intake if table == "intakes" else IdentificationResult, first)
            {"person_sealed": person_id_of, "v_number_sealed": vnumber_of, "candidates_sealed": candidates_of}[
                column](s, row)
    finally:
        rs.close()


def test_a_capture_moved_to_another_intake_or_column_is_refused(sqlite_url, keyring):
    rs = store.RecordStore(sqlite_url, keyring)
    try:
        first, second = _enroll(rs, None, 1), _enroll(rs, None, 2)
        capture = _ids(sqlite_url, f"SELECT id FROM captures WHERE intake_id = '{first}'")[0]
        with sqlite3.connect(_db(sqlite_url)) as conn:  # the prints of one person attributed to another
            conn.execute("UPDATE captures SET intake_id = ? WHERE id = ?", (second, capture))
        with pytest.raises(SealedFieldRefused), rs.transaction() as s:
            list(enrolled_prints(s))
        with sqlite3.connect(_db(sqlite_url)) as conn:  # back, then the template put in the image column
            conn.execute("UPDATE captures SET intake_id = ?, image_sealed = template_sealed WHERE id = ?",
                         (first, capture))
        with rs.transaction() as s:
            row = s.get(CaptureRow, capture)
            assert capture_template(s, row) is not None
            with pytest.raises(SealedFieldRefused, match="image_sealed"):
                capture_image(s, row)
    finally:
        rs.close()


@pytest.mark.parametrize("offset", [0, 3, 6, 12, 25, -1])
def test_a_flipped_byte_is_refused_and_nothing_else_changes(sqlite_url, keyring, offset):
    rs = store.RecordStore(sqlite_url, keyring)
    try:
        intake_id = _enroll(rs, "1234567890", 1)
        with sqlite3.connect(_db(sqlite_url)) as conn:
            row_id, sealed = conn.execute("SELECT id, template_sealed FROM captures WHERE intake_id = ? "
                                          "AND finger_position = 7", (intake_id,)).fetchone()
            damaged = bytearray(sealed)
            damaged[offset] ^= 0x01
            conn.execute("UPDATE captures SET template_sealed = ? WHERE id = ?", (bytes(damaged), row_id))
        before = _dump(sqlite_url)
        with pytest.raises(SealedFieldRefused, match=f"captures.template_sealed of row {row_id}"), \
                rs.transaction() as s:
            list(enrolled_prints(s))
        with pytest.raises(SealedFieldRefused), rs.transaction() as s:
            prints_for_vnumber(s, parse_vnumber("1234567890"))
        assert _dump(sqlite_url) == before
    finally:
        rs.close()


def test_the_v_number_is_found_by_its_keyed_hash_only(sqlite_url, keyring):
    rs = store.RecordStore(sqlite_url, keyring)
    try:
        wanted = _enroll(rs, "1234567890", 1)
        _enroll(rs, "1234567891", 2)
        _enroll(rs, None, 3)
        with rs.transaction() as s:
            assert [i.id for i in intakes.intakes_for_vnumber(s, parse_vnumber("1234567890"))] == [wanted]
            assert intakes.intakes_for_vnumber(s, parse_vnumber("9999999999")) == []
            assert set(prints_for_vnumber(s, parse_vnumber("1234567890"))) == {2, 7}
    finally:
        rs.close()
    with sqlite3.connect(_db(sqlite_url)) as conn:
        indexes = [row[1] for row in conn.execute("PRAGMA index_list(intakes)")]
        columns = [row[1] for row in conn.execute("PRAGMA table_info(intakes)")]
    assert "ix_intakes_v_number_hmac" in indexes
    assert "v_number" not in columns and "person_id" not in columns


def test_a_key_file_the_store_was_not_written_with_is_refused_before_anything_is_written(sqlite_url, keyring,
                                                                                         tmp_path):
    rs = store.RecordStore(sqlite_url, keyring)
    _enroll(rs, "1234567890", 1)
    rs.close()
    before = _dump(sqlite_url)
    other = open_demo_keys(tmp_path / "other" / "demo")
    with pytest.raises(WrongKeys, match="another gallery key version 1"):
        store.RecordStore(sqlite_url, other)
    assert _dump(sqlite_url) == before


@pytest.fixture
def kiosk(tmp_path, monkeypatch):
    """A kiosk data folder with passphrase-sealed keys made by `zuil keys init` (a cheaper Argon2id)."""
    monkeypatch.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(parameters, "ARGON2_TIME_COST", 1)
    monkeypatch.setenv("ZUIL_KEYS_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    data = tmp_path / "kiosk"

    def zuil(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, ["--data-dir", str(data), *args])

    assert zuil("keys", "init", "--seal", "passphrase").exit_code == 0
    zuil.data = data  # type: ignore[attr-defined]
    zuil.url = f"sqlite:///{data / 'zuil.sqlite3'}"  # type: ignore[attr-defined]
    zuil.unlock = lambda: unlock_keys(data, Secrets(passphrase=lambda: PASSPHRASE))  # type: ignore[attr-defined]
    return zuil


def test_a_rotation_keeps_old_rows_readable_and_new_rows_use_the_new_version(kiosk):
    rs = store.RecordStore(kiosk.url, kiosk.unlock())
    old = _enroll(rs, "1234567890", 1)
    rs.close()
    assert kiosk("keys", "rotate", "--data", "gallery", "--data", "vnumber-hmac").exit_code == 0
    rotated = kiosk.unlock()
    rs = store.RecordStore(kiosk.url, rotated)
    try:
        new = _enroll(rs, "1234567890", 2)
        with rs.transaction() as s:
            versions = {i: {field_envelope.parse(c.template_sealed).key_version for c in s.get(Intake, i).captures}
                        for i in (old, new)}
            assert versions == {old: {1}, new: {2}}
            assert [s.get(Intake, i).v_number_hmac[:2] for i in (old, new)] == ["1:", "2:"]
            assert len(list(enrolled_prints(s))) == 4
            assert {i.id for i in intakes.intakes_for_vnumber(s, parse_vnumber("1234567890"))} == {old, new}
            assert len(prints_for_vnumber(s, parse_vnumber("1234567890"))[2]) == 2
    finally:
        rs.close()
    with sqlite3.connect(_db(kiosk.url)) as conn:
        assert sorted(conn.execute("SELECT purpose, version FROM key_checks")) == [
            ("gallery", 1), ("gallery", 2), ("vnumber-hmac", 1), ("vnumber-hmac", 2)]


def test_keys_from_before_a_rotation_are_refused_once_the_new_version_wrote(kiosk, tmp_path):
    before_rotation = kiosk.unlock()
    assert kiosk("keys", "rotate", "--data", "gallery").exit_code == 0
    rs = store.RecordStore(kiosk.url, kiosk.unlock())
    _enroll(rs, None, 1)
    rs.close()
    dump = _dump(kiosk.url)
    with pytest.raises(WrongKeys, match=r"gallery key version 2, which .* does not hold"):
        store.RecordStore(kiosk.url, before_rotation)
    assert _dump(kiosk.url) == dump
