"""``zuil keys reseal`` after ``zuil keys rotate`` on a real SQLite store: every record stays readable, every sealed
field but the immutable consent signatures and reasons moves to the newest gallery key version (officers' reasons
and notes among them; and every V-number lookup to the newest HMAC key), a field that does not open is named and
left as it is, and a resealed value is still bound to its table, row and column."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from enrollment.audit.entries import decode
from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.consent import consent_text
from enrollment.keys import parameters
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import rotate_keys, unlock_keys
from enrollment.keys.keyring import Purpose
from enrollment.records import consents, field_envelope, intakes, store
from enrollment.records.consents import signature_of
from enrollment.records.field_cipher import SealedFieldRefused
from enrollment.records.intake_reads import candidates_of, capture_image, capture_template, person_id_of, vnumber_of
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import CaptureRow, Intake
from enrollment.records.reseal import reseal, sealed_versions
from enrollment.records.sealed_text import consent_reason, decision_reason, flag_note
from enrollment.records.vocabulary import ConsentDecision, ContraIndication, IdentificationDecision, OfficerDecision
from enrollment.values.vnumber import parse_vnumber
from kiosk.cli import main
from tests.enrollment.records.test_sealed_fields import _template

PASSPHRASE = "a kiosk passphrase, long enough"
SEALED = {"intakes": ("person_sealed", "v_number_sealed"), "captures": ("template_sealed", "image_sealed"),
          "identification_results": ("candidates_sealed",), "consent_records": ("signature_sealed",)}


def _enroll(rs: store.RecordStore, v_number: str | None, seed: int) -> str:
    """An intake with a signed consent, two captures (template and image) and an identification result."""
    with rs.transaction() as s:
        intakes.sync_locations(s, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(s, location_id="utrecht", kiosk_id="k",
                                      v_number=parse_vnumber(v_number) if v_number else None)
        shown = consent_text("en")
        intakes.record_consent(s, intake, language="en", text_version=shown.version, text=shown.text,
                               decision=ConsentDecision.GIVEN, signature_strokes=[[(0.1, 0.2), (0.3, 0.1 * seed)]])
        for position in (2, 7):
            intakes.add_capture(s, intake, finger_position=position, quality=50, template=_template(seed + position),
                                image=b"raw image %d" % (seed + position), device_id="sim")
        intakes.add_identification(s, intake, decision=IdentificationDecision.NO_HIT, threshold_name="t",
                                   gallery_size=0, candidates=[{"person_id": f"p-{seed}", "fused": 1.5}])
        return intake.id


@pytest.fixture
def kiosk(tmp_path, monkeypatch):
    """A kiosk data folder with passphrase-sealed keys (`zuil keys init`, a cheaper Argon2id) and three intakes
    written under version 1 of every key, then `zuil keys rotate`."""
    monkeypatch.setattr(parameters, "ARGON2_MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(parameters, "ARGON2_TIME_COST", 1)
    monkeypatch.setenv("ZUIL_KEYS_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    data = tmp_path / "kiosk"

    def zuil(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, ["--data-dir", str(data), *args])

    assert zuil("keys", "init", "--seal", "passphrase").exit_code == 0
    zuil.url = f"sqlite:///{data / 'zuil.sqlite3'}"  # type: ignore[attr-defined]
    zuil.data = data  # type: ignore[attr-defined]
    zuil.unlock = lambda: unlock_keys(data, Secrets(passphrase=lambda: PASSPHRASE))  # type: ignore[attr-defined]
    rs = store.RecordStore(zuil.url, zuil.unlock())
    zuil.intakes = [_enroll(rs, v, seed)  # type: ignore[attr-defined]
                    for seed, v in enumerate(["1234567890", None, "2345678901"])]
    rs.close()
    assert zuil("keys", "rotate").exit_code == 0
    return zuil


def _versions(url: str) -> dict[str, set[int]]:
    """The key version of every stored sealed field (by table.column), and of every V-number lookup hash."""
    found: dict[str, set[int]] = {}
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        for table, columns in SEALED.items():
            for column in columns:
                for (value,) in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"):
                    found.setdefault(f"{table}.{column}", set()).add(field_envelope.parse(value).key_version)
        for (lookup,) in conn.execute("SELECT v_number_hmac FROM intakes WHERE v_number_hmac IS NOT NULL"):
            found.setdefault("intakes.v_number_hmac", set()).add(int(lookup.split(":")[0]))
    return found


def _everything(kiosk) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Every sealed value of every intake, opened through the store (raises if one does not open)."""
    rs = store.RecordStore(kiosk.url, kiosk.unlock())
    try:
        with rs.transaction() as s:
            opened: dict[str, object] = {}
            for intake_id in kiosk.intakes:
                intake = s.get(Intake, intake_id)
                captures = sorted(intake.captures, key=lambda c: c.finger_position)
                opened[intake_id] = (
                    person_id_of(s, intake), str(vnumber_of(s, intake)),
                    [(capture_template(s, c), capture_image(s, c)) for c in captures],
                    [candidates_of(s, r) for r in intake.identifications],
                    [signature_of(s, c) for c in intake.consents])
            for v_number in ("1234567890", "2345678901"):
                opened[v_number] = sorted(i.id for i in intakes.intakes_for_vnumber(s, parse_vnumber(v_number)))
            return opened
    finally:
        rs.close()


def _last_entry(kiosk):  # type: ignore[no-untyped-def]
    with AuditLog(audit_log_path(kiosk.data)) as log:
        return decode(list(log.entries())[-1].data)


def test_rotation_and_reseal_keep_every_record_readable_and_move_every_sealed_field(kiosk):
    before = _everything(kiosk)
    assert set().union(*_versions(kiosk.url).values()) == {1}
    status = kiosk("keys", "status")
    assert status.exit_code == 0
    assert "records      20 sealed fields under an older gallery key version than 2 (run `zuil keys reseal`); " \
           "3 consent signatures and reasons keep theirs (sealed fields by version: v1: 23)" in status.output

    resealed = kiosk("keys", "reseal", "--batch-rows", "2")
    assert resealed.exit_code == 0, resealed.output
    # 3 intakes: person and V-number of two (5), 2 captures with template and image each (12), 1 result each (3)
    assert "sealed 20 fields again under gallery key version 2 and 2 V-number lookups under the newest HMAC key" \
        in resealed.output
    assert _versions(kiosk.url) == {f"{t}.{c}": {1 if t == "consent_records" else 2}
                                    for t, columns in SEALED.items() for c in columns} | {"intakes.v_number_hmac": {2}}
    assert _everything(kiosk) == before
    entry = _last_entry(kiosk)
    assert entry.details["operation"] == "reseal" and entry.outcome == "ok"
    assert (entry.details["fields"], entry.details["lookups"], entry.details["refused"]) == (20, 2, 0)
    assert "0 sealed fields under an older gallery key version than 2; 3 consent signatures and reasons keep theirs" \
        in kiosk("keys", "status").output
    again = kiosk("keys", "reseal")
    assert again.exit_code == 0 and "sealed 0 fields" in again.output


def test_a_field_that_does_not_open_is_named_and_left_as_it_is(kiosk):
    db = kiosk.url.removeprefix("sqlite:///")
    with sqlite3.connect(db) as conn:
        capture, sealed = conn.execute("SELECT id, template_sealed FROM captures ORDER BY id LIMIT 1").fetchone()
        damaged = bytes(sealed[:-1]) + bytes([sealed[-1] ^ 1])
        conn.execute("UPDATE captures SET template_sealed = ? WHERE id = ?", (damaged, capture))
    refused = kiosk("keys", "reseal")
    assert refused.exit_code == 2
    assert refused.output.splitlines() == [
        f"zuil: SealedFieldsNotResealed: 1 sealed fields do not open and were left as they are (first: "
        f"captures.template_sealed of row {capture}); 19 others sealed again under gallery key version 2"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT template_sealed FROM captures WHERE id = ?", (capture,)).fetchone()[0] == damaged
    versions = _versions(kiosk.url)
    assert versions["captures.template_sealed"] == {1, 2} and versions["captures.image_sealed"] == {2}
    entry = _last_entry(kiosk)
    assert (entry.details["operation"], entry.outcome, entry.details["refused"]) == ("reseal", "failed", 1)
    assert entry.details["error"] == "SealedFieldsNotResealed"


def test_a_resealed_value_is_still_bound_to_its_table_row_and_column(kiosk):
    assert kiosk("keys", "reseal").exit_code == 0
    db = kiosk.url.removeprefix("sqlite:///")
    with sqlite3.connect(db) as conn:
        (a, template_a), (b, _) = conn.execute(
            "SELECT id, template_sealed FROM captures ORDER BY id LIMIT 2").fetchall()
        first, second = kiosk.intakes[:2]
        conn.execute("UPDATE captures SET template_sealed = ? WHERE id = ?", (template_a, b))  # another row
        conn.execute("UPDATE captures SET image_sealed = ? WHERE id = ?", (template_a, a))  # another column
        person = conn.execute("SELECT person_sealed FROM intakes WHERE id = ?", (first,)).fetchone()[0]
        conn.execute("UPDATE intakes SET person_sealed = ? WHERE id = ?", (person, second))  # another intake
    rs = store.RecordStore(kiosk.url, kiosk.unlock())
    try:
        with rs.transaction() as s:
            assert field_envelope.parse(template_a).key_version == 2
            assert capture_template(s, s.get(CaptureRow, a)) is not None
            with pytest.raises(SealedFieldRefused, match=f"captures.template_sealed of row {b}"):
                capture_template(s, s.get(CaptureRow, b))
            with pytest.raises(SealedFieldRefused, match=f"captures.image_sealed of row {a}"):
                capture_image(s, s.get(CaptureRow, a))
            with pytest.raises(SealedFieldRefused, match=f"intakes.person_sealed of row {second}"):
                person_id_of(s, s.get(Intake, second))
    finally:
        rs.close()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_reseal_and_its_counts_work_alike_on_sqlite_and_postgres(backend, request, keyring):
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    rs = store.RecordStore(url, keyring)
    ids = [_enroll(rs, v, seed) for seed, v in enumerate(["1234567890", None])]
    rs.close()
    rotate_keys(keyring.path.parent, Secrets(), master=False, purposes=[Purpose.GALLERY, Purpose.VNUMBER_HMAC])
    rotated = open_demo_keys(keyring.path.parent)
    rs = store.RecordStore(url, rotated)
    try:
        with rs.engine.connect() as conn:
            before = sealed_versions(conn)
        assert (before.resealed, before.kept) == ({1: 13}, {1: 2})  # 2 people, 1 V-number, 4 captures x 2, 2 results
        done = reseal(rs, batch_rows=3)
        assert (done.fields, done.lookups, done.refused, done.gallery_version) == (13, 1, [], 2)
        with rs.engine.connect() as conn:
            after = sealed_versions(conn)
        assert (after.resealed, after.kept) == ({2: 13}, {1: 2})
        with rs.transaction() as s:
            assert [str(i.id) for i in intakes.intakes_for_vnumber(s, parse_vnumber("1234567890"))] == ids[:1]
            assert [capture_template(s, c) for c in s.get(Intake, ids[1]).captures]
            assert all(signature_of(s, c) for i in ids for c in s.get(Intake, i).consents)
    finally:
        rs.close()


def test_reseal_without_a_record_store_is_a_one_line_refusal_that_makes_none(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    data = tmp_path / "demo"
    open_demo_keys(data)
    refused = CliRunner().invoke(main, ["--data-dir", str(data), "keys", "reseal"])
    assert refused.exit_code == 2
    assert refused.output == f"zuil: StorageError: there is no record store in {data}: nothing to seal again\n"
    assert not (data / "zuil.sqlite3").exists()
    assert "records      no record store yet" in CliRunner().invoke(main, ["--data-dir", str(data), "keys",
                                                                          "status"]).output


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_reseal_moves_officers_reasons_and_notes_and_keeps_the_consent_reasons(backend, request, keyring):
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    rs = store.RecordStore(url, keyring)
    intake_id = _enroll(rs, None, 1)
    with rs.transaction() as s:
        intake = s.get(Intake, intake_id)
        intakes.add_officer_decision(s, intake, officer_id="o-1", role="officer", decision=OfficerDecision.PROCEED,
                                     reason="seen the passport of a relative")
        intakes.flag_contra_indication(s, intake, ContraIndication.EU_CITIZEN, recorded_by="o-1",
                                       note="holds a Polish identity card")
        consents.withdraw_consent(s, intake_id, reason="changed my mind after the interview")
    rs.close()
    rotate_keys(keyring.path.parent, Secrets(), master=False, purposes=[Purpose.GALLERY])
    rs = store.RecordStore(url, open_demo_keys(keyring.path.parent))
    try:
        with rs.engine.connect() as conn:
            before = sealed_versions(conn)
        # person, 2 captures x 2, 1 result, the decision's reason and the note; the signature and the reason kept
        assert (before.resealed, before.kept) == ({1: 8}, {1: 2})
        done = reseal(rs)
        assert (done.fields, done.refused) == (8, [])
        with rs.engine.connect() as conn:
            after = sealed_versions(conn)
        assert (after.resealed, after.kept) == ({2: 8}, {1: 2})
        with rs.transaction() as s:
            intake = s.get(Intake, intake_id)
            assert [field_envelope.parse(r.reason_sealed).key_version for r in intake.decisions] == [2]
            assert [decision_reason(s, r) for r in intake.decisions] == ["seen the passport of a relative"]
            assert [flag_note(s, f) for f in intake.flags] == ["holds a Polish identity card"]
            assert [consent_reason(s, c) for c in intake.consents] == [None, "changed my mind after the interview"]
    finally:
        rs.close()
