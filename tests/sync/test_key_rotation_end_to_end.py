"""A registered kiosk rotates its keys (``zuil keys rotate``) and goes on reporting: against the real upstream on
loopback (``zuil upstream serve``, mutual TLS), on SQLite and on PostgreSQL, ``zuil sync run`` delivers a ``keys``
envelope signed with the old version and then the reports signed with the new one, without a stop, and the
audit checkpoints signed with the new version verify upstream."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from enrollment.keys.kek_sources import Secrets
from enrollment.keys.key_store import unlock_keys
from sync.chain import verify_chain
from sync.envelope import verified_envelope
from sync.kinds import EnvelopeKind
from sync.outbox import signing_keys
from tests.sync.upload_harness import PASSPHRASE, Kiosk, Upstream

pytestmark = pytest.mark.timeout(900)


@pytest.fixture
def kiosk(tmp_path):
    made = Kiosk(tmp_path / "kiosk" / "data", kiosk_id="zuil-rotate-01")
    yield made
    made.close()


def _rows(upstream: Upstream, query: str, kiosk_id: str) -> list[tuple]:
    engine = create_engine(upstream.database)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(query), {"k": kiosk_id})]
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_delivery_goes_on_after_a_key_rotation(request, backend, tmp_path, kiosk):
    database = request.getfixturevalue("postgres_url") if backend == "postgres" else None
    upstream = Upstream(tmp_path / "upstream", database=database)
    upstream.start()
    try:
        kiosk.register(upstream)
        kiosk.append(3)
        first = kiosk.zuil("sync", "run", "--until-empty", "--max-seconds", "600")
        assert first.returncode == 0 and "delivered 3" in first.stdout, first.stderr
        rotated = kiosk.zuil("keys", "rotate")
        assert rotated.returncode == 0, rotated.stderr
        kiosk.ring = unlock_keys(kiosk.data, Secrets(passphrase=lambda: PASSPHRASE))
        assert kiosk.ring.signing_key()[0] == 2
        kiosk.append(2, seed=16)
        checkpoints = kiosk.zuil("audit", "checkpoint")  # queues the rotation's checkpoint too (signed with v2)
        assert checkpoints.returncode == 0, checkpoints.stderr
        run = kiosk.zuil("sync", "run", "--until-empty", "--max-seconds", "600")
        assert run.returncode == 0, run.stderr
        status = kiosk.zuil("sync", "status", "--json").stdout
        assert '"queued": 0' in status and '"stopped": false' in status, status
        held = upstream.held(kiosk.kiosk_id)
        keys = signing_keys(kiosk.ring)
        envelopes = [verified_envelope(row[2], keys=keys) for row in held]
        assert [e.sequence for e in envelopes] == list(range(1, len(envelopes) + 1))
        assert verify_chain([row[2] for row in held], keys=keys, kiosk_id=kiosk.kiosk_id).length == len(held)
        assert [(e.kind, e.key_version) for e in envelopes[:6]] == [
            (EnvelopeKind.CONSENT, 1), (EnvelopeKind.CONSENT, 1), (EnvelopeKind.CONSENT, 1),
            (EnvelopeKind.KEYS, 1), (EnvelopeKind.CONSENT, 2), (EnvelopeKind.CONSENT, 2)]
        assert {e.key_version for e in envelopes[4:]} == {2}
        assert envelopes[3].payload == {"signing_keys": {
            "2": keys[2].public_bytes_raw().hex()}}
        assert [e.kind for e in envelopes[6:]] and {e.kind for e in envelopes[6:]} == {EnvelopeKind.CHECKPOINT}
        assert upstream.faults() == 0
        assert _rows(upstream, "SELECT version, public_key FROM kiosk_signing_keys WHERE kiosk_id = :k "
                               "ORDER BY version", kiosk.kiosk_id) == \
            [(1, keys[1].public_bytes_raw()), (2, keys[2].public_bytes_raw())]
        checked = _rows(upstream, "SELECT key_version, verified FROM audit_checkpoints WHERE kiosk_id = :k",
                        kiosk.kiosk_id)
        assert {version for version, _ in checked} == {1, 2} and all(verified for _, verified in checked), checked
    finally:
        upstream.stop()
