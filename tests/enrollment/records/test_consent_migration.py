"""Migration 0003 on a record that holds consent records: they survive the upgrade (their signature strokes sealed in
place, with the kiosk's keys, or the upgrade refused without them) and a downgrade that loses nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from enrollment.consent import TEXT_ID, consent_text
from enrollment.errors import StorageError
from enrollment.records import consents, store
from enrollment.records.models import ConsentRecord
from enrollment.records.sealed_text import consent_reason

NOW = "2026-12-01 10:00:00"
SHA = consents.text_digest(consent_text("en").text)
CONSENTS = {  # id: (decision, reason, strokes as the previous build stored them)
    "c-signed": ("given", None, "[[[0.1111, 0.2222], [0.3333, 0.4444]]]"),
    "c-refused": ("refused", "no reason given", None),
    "c-unsigned": ("given", None, None),
}


def _url(request, backend: str) -> str:
    return request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")


def _record_at_0002(url: str, consent_ids: list[str]) -> None:
    store.upgrade(url, "0002")
    engine = store.make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO locations VALUES ('utrecht', 'LVV Utrecht', 'Utrecht')"))
        conn.execute(text("INSERT INTO intakes (id, person_sealed, location_id, kiosk_id, has_v_number, status, "
                          "biometrics_enabled, started_at) VALUES ('i1', :p, 'utrecht', 'k', 0, 'completed', 1, "
                          ":now)"), {"p": b"sealed elsewhere", "now": NOW})
        for row_id in consent_ids:
            decision, reason, strokes = CONSENTS[row_id]
            conn.execute(text("INSERT INTO consent_records (id, intake_id, language, text_version, text_sha256, "
                              "decision, refusal_reason, signature_strokes, decided_at) VALUES (:id, 'i1', 'en', "
                              ":version, :sha, :decision, :reason, :strokes, :now)"),
                         {"id": row_id, "version": consent_text("en").version, "sha": SHA, "decision": decision,
                          "reason": reason, "strokes": strokes, "now": NOW})
    engine.dispose()


def _revision(url: str) -> str | None:
    engine = store.make_engine(url)
    try:
        return store.current_revision(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_consent_records_survive_0003_and_their_strokes_are_sealed(request, backend, keyring, tmp_path):
    url = _url(request, backend)
    _record_at_0002(url, list(CONSENTS))
    with pytest.raises(StorageError, match=r"signature strokes in plaintext.*none were given"):
        store.upgrade(url)  # no keys: refused, left at 0002
    assert _revision(url) == "0002"
    store.upgrade(url, keys=lambda: keyring)
    rs = store.RecordStore(url, keyring)
    try:
        with rs.transaction() as s:
            rows = {r.id: r for r in s.query(ConsentRecord)}
            assert set(rows) == set(CONSENTS)
            for row_id, (decision, reason, _strokes) in CONSENTS.items():
                row = rows[row_id]
                assert (row.decision.value, consent_reason(s, row), row.text_id, row.text_sha256) == (
                    decision, reason, TEXT_ID, SHA)
            assert consents.signature_of(s, rows["c-signed"]) == [[[0.1111, 0.2222], [0.3333, 0.4444]]]
            assert rows["c-unsigned"].signature_sealed is None
        with pytest.raises(StorageError, match="sealed reasons or notes"):
            store.downgrade(url, "0002")
    finally:
        rs.close()
    assert _revision(url) == store.head_revision()
    if backend == "sqlite":
        raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("records.sqlite3"))
        assert b"0.1111" not in raw and b"0.3333" not in raw


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_0003_goes_down_and_up_again_keeping_unsigned_records(request, backend):
    url = _url(request, backend)
    _record_at_0002(url, ["c-refused", "c-unsigned"])
    store.upgrade(url, "0008")  # nothing to seal: no keys needed (0009 would seal the reason)
    engine = store.make_engine(url)
    with engine.begin() as conn:  # a refusal without a reason, allowed since 0003
        conn.execute(text("INSERT INTO consent_records (id, intake_id, text_id, language, text_version, text_sha256, "
                          "decision, decided_at) VALUES ('c-quiet', 'i1', :tid, 'en', :version, :sha, 'refused', "
                          ":now)"), {"tid": TEXT_ID, "version": consent_text("en").version, "sha": SHA, "now": NOW})
    engine.dispose()
    store.downgrade(url, "0002")
    engine = store.make_engine(url)
    with engine.begin() as conn:
        rows = dict(conn.execute(text("SELECT id, refusal_reason FROM consent_records")).all())
        assert rows == {"c-refused": "no reason given", "c-unsigned": None, "c-quiet": "no reason given"}
        conn.execute(text("UPDATE consent_records SET refusal_reason = 'a' WHERE id = 'c-quiet'"))  # no trigger
    engine.dispose()
    store.upgrade(url, "0008")
    assert _revision(url) == "0008"
    engine = store.make_engine(url)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM consent_records")).scalar_one() == 3
    engine.dispose()
