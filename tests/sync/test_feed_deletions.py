"""What a deletion envelope records for the gallery feed, in the upstream's tables (SQLite): a delete entry for each
person of the deleted intakes that were fed, then a fresh enroll entry for each younger intake of that person still
fed; an intake never fed records nothing."""

from __future__ import annotations

from sqlalchemy import create_engine, select

from sync import canonical, sealing
from sync.envelope import Envelope, seal_aad, sign_envelope
from sync.kinds import EnvelopeKind
from sync.upstream.feed_entries import record_feed
from sync.upstream.models import feed_entries, metadata
from tests.sync.fixed_keys import KIOSK, signing_key, upstream_key


def _envelope(seq: int, kind: EnvelopeKind, payload: dict, secret: dict | None = None) -> Envelope:
    envelope_id = f"00000000-0000-4000-8000-{seq:012d}"
    if secret is not None:
        payload = {**payload, "sealed": sealing.seal(upstream_key().public_key(), canonical.encode(secret),
                                                     seal_aad(envelope_id, KIOSK, seq, str(kind)))}
    return sign_envelope(signing_key(), key_version=1, envelope_id=envelope_id, kiosk_id=KIOSK, sequence=seq,
                         previous_hash=bytes(32) if seq == 1 else b"\x01" * 32, kind=kind, created=1_800_000_000,
                         payload=payload)


def _enrolled(seq: int, intake: str, person: str) -> list[Envelope]:
    return [_envelope(seq, EnvelopeKind.INTAKE, {"intake": intake, "location": "lvv-a", "biometrics": True},
                      {"person": person, "templates": [{"finger": 2, "template": b"t" * 40}]}),
            _envelope(seq + 1, EnvelopeKind.CONSENT, {"intake": intake, "decision": "given"})]


def _deletion(seq: int, *intakes: str) -> Envelope:
    return _envelope(seq, EnvelopeKind.DELETION, {"receipt": f"r{seq}", "rule": "intake-retention",
                                                  "records": len(intakes), "intakes": list(intakes), "captures": [],
                                                  "deleted": 1_800_000_000})


def test_a_deletion_feeds_a_delete_entry_and_keeps_the_persons_younger_enrolment(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'upstream.sqlite3'}")
    metadata.create_all(engine)
    sent = [*_enrolled(1, "i-old", "p-1"), *_enrolled(3, "i-young", "p-1"), _deletion(5, "i-old", "i-never-fed"),
            _deletion(6, "i-unknown"), _deletion(7, "i-young")]
    with engine.begin() as connection:
        for envelope in sent:
            record_feed(connection, envelope, upstream_key())
        entries = [tuple(r) for r in connection.execute(select(
            feed_entries.c.kind, feed_entries.c.intake_id, feed_entries.c.person).order_by(feed_entries.c.cursor))]
    engine.dispose()
    assert entries == [("enroll", "i-old", "p-1"), ("enroll", "i-young", "p-1"),
                       ("delete", "i-old", "p-1"), ("enroll", "i-young", "p-1"),
                       ("delete", "i-young", "p-1")]
