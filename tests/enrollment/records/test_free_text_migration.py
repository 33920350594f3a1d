"""Migration 0009 (free text sealed) up and down on SQLite and PostgreSQL: the reasons and notes a store holds in
the clear are sealed in place with the kiosk's keys (refused without them, the store left at 0008), the consent
records stay immutable, and the downgrade is refused while any sealed text is held (it would be written back in the
clear) and goes through on a store without any."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from enrollment.consent import TEXT_ID, consent_text
from enrollment.errors import StorageError
from enrollment.records import consents, store
from enrollment.records.models import (
    ConsentRecord,
    ConsentReportPending,
    ContraIndicationFlag,
    DecisionConfirmation,
    OfficerDecisionRow,
)
from enrollment.records.sealed_text import consent_reason, decision_reason, flag_note

NOW = "2026-12-01 09:00:00"
REFUSAL = "weigering: mijn huisarts dr. Visser raadt het af"
WITHDRAWAL = "ingetrokken na overleg met advocaat mr. De Boer"
DECISION = "same person as the 2019 intake, per officer Jansen"
NOTE = "reports a pending criminal case in Almere"
SHOWN = {"tid": TEXT_ID, "version": consent_text("en").version, "sha": consents.text_digest(consent_text("en").text)}


def _url(request, backend: str) -> str:  # type: ignore[no-untyped-def]
    return request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")


def _record_at_0008(url: str, *, with_text: bool) -> None:
    store.upgrade(url, "0008")
    engine = store.make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO locations VALUES ('utrecht', 'LVV Utrecht', 'Utrecht')"))
        conn.execute(text("INSERT INTO intakes (id, person_sealed, location_id, kiosk_id, has_v_number, status, "
                          "biometrics_enabled, started_at) VALUES ('i1', :p, 'utrecht', 'k', 0, 'completed', 1, "
                          ":now)"), {"p": b"sealed elsewhere", "now": NOW})
        shown = ("INSERT INTO consent_records (id, intake_id, text_id, language, text_version, text_sha256, decision, "
                 "reason, decided_at) VALUES (:id, 'i1', :tid, 'en', :version, :sha, :decision, :reason, :now)")
        conn.execute(text(shown), {**SHOWN, "id": "c-given", "decision": "given", "reason": None, "now": NOW})
        conn.execute(text(shown), {**SHOWN, "id": "c-refused", "decision": "refused",
                                   "reason": REFUSAL if with_text else None, "now": NOW})
        conn.execute(text("INSERT INTO consent_records (id, intake_id, decision, withdraws_id, reason, decided_at) "
                          "VALUES ('c-withdrawn', 'i1', 'withdrawn', 'c-given', :reason, :now)"),
                     {"reason": WITHDRAWAL if with_text else None, "now": NOW})
        conn.execute(text("INSERT INTO officer_decisions (id, intake_id, officer_id, role, decision, reason, "
                          "decided_at) VALUES (:id, 'i1', 'o-1', 'officer', 'same_person', :reason, :now)"),
                     [{"id": "d-1", "reason": DECISION if with_text else None, "now": NOW},
                      {"id": "d-2", "reason": None, "now": NOW}])
        conn.execute(text("INSERT INTO contra_indications (id, intake_id, flag, note, recorded_by, recorded_at) "
                          "VALUES ('f-1', 'i1', 'eu_citizen', :note, 'o-1', :now)"),
                     {"note": NOTE if with_text else None, "now": NOW})
        # rows that point at the rebuilt tables (their cascades must not fire while a table is rebuilt)
        conn.execute(text("INSERT INTO consent_reports_pending VALUES ('c-withdrawn', :now)"), {"now": NOW})
        conn.execute(text("INSERT INTO decision_confirmations (decision_id) VALUES ('d-1')"))
    engine.dispose()


def _columns(url: str, table: str) -> set[str]:
    engine = store.make_engine(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    engine = store.make_engine(url)
    try:
        return store.current_revision(engine)
    finally:
        engine.dispose()


def _assert_immutable(url: str, column: str) -> None:
    engine = store.make_engine(url)
    try:
        with pytest.raises(DBAPIError, match="consent records are immutable"), engine.begin() as conn:
            conn.execute(text(f"UPDATE consent_records SET {column} = NULL"))
        with pytest.raises(DBAPIError, match="consent records are immutable"), engine.begin() as conn:
            conn.execute(text("DELETE FROM consent_records"))
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_0009_seals_the_reasons_and_notes_a_store_holds(request, backend, keyring, tmp_path):
    url = _url(request, backend)
    _record_at_0008(url, with_text=True)
    with pytest.raises(StorageError, match=r"holds 4 reasons or notes in plaintext.*none were given"):
        store.upgrade(url)  # no keys: refused, left at 0008 with its text
    assert _revision(url) == "0008" and "reason" in _columns(url, "consent_records")
    store.upgrade(url, "0009", keys=lambda: keyring)
    assert _revision(url) == "0009"
    assert "reason" not in _columns(url, "consent_records") and "reason" not in _columns(url, "officer_decisions")
    assert "note" not in _columns(url, "contra_indications")
    rs = store.RecordStore(url, keyring)
    try:
        with rs.transaction() as s:
            assert {r.id: consent_reason(s, r) for r in s.query(ConsentRecord)} == {
                "c-given": None, "c-refused": REFUSAL, "c-withdrawn": WITHDRAWAL}
            assert {r.id: decision_reason(s, r) for r in s.query(OfficerDecisionRow)} == {"d-1": DECISION, "d-2": None}
            assert [flag_note(s, r) for r in s.query(ContraIndicationFlag)] == [NOTE]
            assert [r.record_id for r in s.query(ConsentReportPending)] == ["c-withdrawn"]
            assert [r.decision_id for r in s.query(DecisionConfirmation)] == ["d-1"]
    finally:
        rs.close()
    store.downgrade(url, "0009")  # the store opened at the head; this test is about 0009
    _assert_immutable(url, "reason_sealed")  # the triggers are back
    with pytest.raises(StorageError, match=r"holds 4 sealed reasons or notes.*refused"):
        store.downgrade(url, "0008")
    assert _revision(url) == "0009"
    if backend == "sqlite":
        raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("records.sqlite3"))
        assert not [t for t in (REFUSAL, WITHDRAWAL, DECISION, NOTE) if t.encode() in raw]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_0009_goes_down_and_up_again_on_a_store_without_free_text(request, backend):
    url = _url(request, backend)
    _record_at_0008(url, with_text=False)
    store.upgrade(url, "0009")  # nothing to seal: no keys needed
    assert _revision(url) == "0009" and "reason_sealed" in _columns(url, "consent_records")
    _assert_immutable(url, "reason_sealed")
    store.downgrade(url, "0008")
    assert _revision(url) == "0008"
    assert "reason" in _columns(url, "consent_records") and "reason_sealed" not in _columns(url, "consent_records")
    assert "note" in _columns(url, "contra_indications") and "reason" in _columns(url, "officer_decisions")
    _assert_immutable(url, "reason")  # the triggers are back at 0008 too
    engine = store.make_engine(url)
    try:
        with pytest.raises(DBAPIError), engine.begin() as conn:  # 0003's check: no reason with a consent given
            conn.execute(text("INSERT INTO consent_records (id, intake_id, text_id, language, text_version, "
                              "text_sha256, decision, reason, decided_at) VALUES ('c-x', 'i1', :tid, 'en', :version, "
                              ":sha, 'given', 'x', :now)"), {**SHOWN, "now": NOW})
        with engine.begin() as conn:
            assert conn.execute(text("SELECT count(*) FROM consent_records")).scalar_one() == 3
    finally:
        engine.dispose()
    store.upgrade(url)
    assert _revision(url) == store.head_revision()
