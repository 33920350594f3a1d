"""A record written in plaintext at revision 0001 is sealed in place by ``zuil db upgrade`` with the kiosk's keys,
and refused (one line, exit 2, left as it was) when the keys are missing, locked or wrong."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from enrollment.errors import StorageError
from enrollment.keys import parameters
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import unlock_keys
from enrollment.records import intakes, store
from enrollment.records.intake_reads import (
    candidates_of,
    capture_image,
    capture_template,
    intakes_of_person,
    person_id_of,
    vnumber_of,
)
from enrollment.records.models import Intake
from enrollment.values.vnumber import parse_vnumber
from kiosk.cli import main

PASSPHRASE = "a kiosk passphrase, long enough"
V_NUMBER = "3141592653"
TEMPLATE = bytes(range(256)) * 2
IMAGE = b"\x10\x20\x30 an image of a finger \xf0" * 40
PERSON = "0b0e5a53-6d56-4d7e-9a4c-6a9f2a3d1c11"
NOW = "2026-11-30 10:00:00.000000"


@pytest.fixture
def old_record(tmp_path, monkeypatch):
    """A data folder whose record is at revision 0001 with one plaintext intake (as the previous build wrote)."""
    monkeypatch.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(parameters, "ARGON2_TIME_COST", 1)
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_KEYS_PASSPHRASE", raising=False)
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'zuil.sqlite3'}"
    store.upgrade(url, "0001")
    conn = sqlite3.connect(data / "zuil.sqlite3")
    with conn:
        conn.execute("INSERT INTO locations VALUES ('utrecht', 'LVV Utrecht', 'Utrecht')")
        conn.execute("INSERT INTO persons VALUES (?, ?)", (PERSON, NOW))
        conn.execute("INSERT INTO intakes (id, person_id, location_id, kiosk_id, has_v_number, v_number, status, "
                     "biometrics_enabled, started_at) VALUES ('i1', ?, 'utrecht', 'k', 1, ?, 'completed', 1, ?)",
                     (PERSON, V_NUMBER, NOW))
        conn.execute("INSERT INTO captures (id, intake_id, finger_position, quality, template, image, device_id, "
                     "captured_at) VALUES ('c1', 'i1', 2, 60, ?, ?, 'sim', ?)", (TEMPLATE, IMAGE, NOW))
        conn.execute("INSERT INTO captures (id, intake_id, finger_position, quality, device_id, failure_reason, "
                     "captured_at) VALUES ('c2', 'i1', 7, 0, 'sim', 'skipped', ?)", (NOW,))
        conn.execute("INSERT INTO identification_results VALUES ('r1', 'i1', 'hit', 't', 3, ?, ?)",
                     (json.dumps([{"person_id": "someone-else", "fused": 5.0}]), NOW))
        for n in range(60):  # more pages than the migration's new tables reuse
            conn.execute("INSERT INTO captures (id, intake_id, finger_position, quality, template, device_id, "
                         "captured_at) VALUES (?, 'i1', 3, 60, ?, 'sim', ?)", (f"f{n}", TEMPLATE * 4, NOW))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the plaintext in the database file itself, as on a kiosk
    conn.close()
    assert TEMPLATE[100:132] in (data / "zuil.sqlite3").read_bytes()

    def zuil(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, ["--data-dir", str(data), *args], env=env)

    zuil.data, zuil.url = data, url  # type: ignore[attr-defined]
    return zuil


def _state(url: str) -> tuple[str | None, list[str]]:
    engine = store.make_engine(url)
    try:
        revision = store.current_revision(engine)
    finally:
        engine.dispose()
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return revision, list(conn.iterdump())


def _one_line_refusal(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


def test_without_keys_the_upgrade_is_refused_and_the_record_left_as_it_was(old_record):
    before = _state(old_record.url)
    assert before[0] == "0001"
    with pytest.raises(StorageError, match=r"holds 64 rows written in plaintext.*none were given"):
        store.upgrade(old_record.url)
    _one_line_refusal(old_record("db", "upgrade"), "KeyFileMissing", "zuil keys init", "nothing was changed")
    assert _state(old_record.url) == before
    passphrase = old_record.data.parent / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    assert old_record("keys", "init", "--seal", "passphrase", "--passphrase-file", str(passphrase)).exit_code == 0
    _one_line_refusal(old_record("db", "upgrade"), "locked", "ZUIL_KEYS_PASSPHRASE")  # no terminal, no passphrase
    _one_line_refusal(old_record("db", "upgrade", env={"ZUIL_KEYS_PASSPHRASE": "not the passphrase at all"}),
                      "WrongPassphrase")
    assert _state(old_record.url) == before


def test_with_the_kiosk_keys_the_plaintext_is_sealed_in_place_and_gone_from_the_folder(old_record):
    passphrase = old_record.data.parent / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    assert old_record("keys", "init", "--seal", "passphrase", "--passphrase-file", str(passphrase)).exit_code == 0
    result = old_record("db", "upgrade", env={"ZUIL_KEYS_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0 and f"at schema {store.head_revision()}" in result.output, result.output
    rs = store.RecordStore(old_record.url, unlock_keys(old_record.data, Secrets(passphrase=lambda: PASSPHRASE)))
    try:
        with rs.transaction() as s:
            intake = s.get(Intake, "i1")
            assert str(vnumber_of(s, intake)) == V_NUMBER and person_id_of(s, intake) == PERSON
            captures = {c.id: c for c in intake.captures}
            assert capture_template(s, captures["c1"]) == TEMPLATE and capture_image(s, captures["c1"]) == IMAGE
            assert capture_template(s, captures["c2"]) is None and captures["c2"].failure_reason == "skipped"
            assert candidates_of(s, intake.identifications[0]) == [{"fused": 5.0, "person_id": "someone-else"}]
            assert [i.id for i in intakes.intakes_for_vnumber(s, parse_vnumber(V_NUMBER))] == ["i1"]
            assert [i.id for i in intakes_of_person(s, PERSON)] == ["i1"]
    finally:
        rs.close()
    on_disk = b"".join(path.read_bytes() for path in old_record.data.rglob("*") if path.is_file())
    for plaintext in (V_NUMBER.encode(), TEMPLATE[100:132], IMAGE[:32], b"someone-else"):
        assert plaintext not in on_disk
    naming = [line for line in _state(old_record.url)[1] if PERSON in line]
    assert len(naming) == 1 and naming[0].startswith('INSERT INTO "persons"')  # no intake names it in the clear


def test_a_sealed_record_is_not_downgraded_to_plaintext(old_record):
    passphrase = old_record.data.parent / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    assert old_record("keys", "init", "--seal", "passphrase", "--passphrase-file", str(passphrase)).exit_code == 0
    assert old_record("db", "upgrade", env={"ZUIL_KEYS_PASSPHRASE": PASSPHRASE}).exit_code == 0
    before = _state(old_record.url)
    _one_line_refusal(old_record("db", "downgrade", "0001"), "plaintext", "refused")
    assert _state(old_record.url) == before
