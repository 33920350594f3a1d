"""``keys`` envelopes (sync/PROTOCOL.md "Signing key rotation") over real TLS against a real ``zuil upstream serve``,
on SQLite and on PostgreSQL: an announcement signed with a held version makes the versions it announces verify the
kiosk's next envelopes (one by one and within one batch); one that gives a held version another key, one signed
with a version the upstream does not hold and one announcing a version not newer than its own are refused, named,
recorded as faults, and store nothing."""

from __future__ import annotations

import hashlib

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from sync.batch import decode_answer, encode_request
from sync.envelope import GENESIS, Envelope, sign_envelope
from sync.kinds import EnvelopeKind
from sync.upstream import database
from sync.upstream.folder import open_folder
from sync.upstream.models import chain_heads, kiosk_keys
from tests.sync import fixed_keys
from tests.sync.upstream.harness import register
from tests.sync.upstream.test_batch import _faults

V2 = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
V3 = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(3, 35)))


class Chain:
    """A kiosk's envelopes, each signed with the key version given, linked to the one before."""

    def __init__(self, kiosk_id: str) -> None:
        self.kiosk_id = kiosk_id
        self.made: list[Envelope] = []
        self.keys = {1: fixed_keys.signing_key(), 2: V2, 3: V3}

    def next(self, version: int, kind: EnvelopeKind = EnvelopeKind.CONSENT, payload: dict | None = None, *,
             key: Ed25519PrivateKey | None = None) -> Envelope:
        sequence = len(self.made) + 1
        return sign_envelope(key or self.keys[version], key_version=version, kiosk_id=self.kiosk_id,
                             sequence=sequence,
                             envelope_id=f"{hashlib.sha256(self.kiosk_id.encode()).hexdigest()[:8]}-0000-4000-8000-"
                                         f"{sequence:012d}",
                             previous_hash=self.made[-1].hash if self.made else GENESIS, kind=kind,
                             created=1_800_000_000 + sequence, payload=payload or {"record": f"r{sequence}"})

    def announce(self, version: int, announced: dict[int, Ed25519PrivateKey], *,
                 key: Ed25519PrivateKey | None = None) -> Envelope:
        return self.next(version, EnvelopeKind.KEYS, {"signing_keys": {
            str(v): k.public_key().public_bytes_raw().hex() for v, k in announced.items()}}, key=key)

    def held(self, envelope: Envelope) -> Envelope:
        self.made.append(envelope)
        return envelope


def post(client: httpx.Client, upstream, envelope: Envelope) -> httpx.Response:
    return client.post(f"{upstream.service}/v1/envelopes", content=envelope.encoded,
                       headers={"content-type": "application/cbor"})


def post_batch(client: httpx.Client, upstream, envelopes: list[Envelope]) -> httpx.Response:
    return client.post(f"{upstream.service}/v1/envelopes:batch", content=encode_request([e.encoded for e in envelopes]),
                       headers={"content-type": "application/cbor"})


def held_keys(upstream, kiosk_id: str) -> tuple[dict[int, bytes], int]:
    """The signing keys the upstream holds for ``kiosk_id`` and how far it holds its chain."""
    engine = database.make_engine(open_folder(upstream.folder).database)
    try:
        with engine.connect() as connection:
            keys = dict(connection.execute(select(kiosk_keys.c.version, kiosk_keys.c.public_key)
                                           .where(kiosk_keys.c.kiosk_id == kiosk_id)).all())
            held = connection.execute(select(chain_heads.c.held).where(chain_heads.c.kiosk_id == kiosk_id)).scalar()
    finally:
        engine.dispose()
    return keys, held


def raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


@pytest.fixture(scope="module")
def kiosk(upstream, tmp_path_factory):
    return register(upstream, "zuil-keys-01", fixed_keys.signing_key(), tmp_path_factory.mktemp("keys-kiosk"))


def test_an_announcement_lets_the_new_version_sign_and_a_refused_one_stores_nothing(upstream, kiosk):
    chain = Chain(kiosk.kiosk_id)
    with kiosk.client() as client:
        assert post(client, upstream, chain.held(chain.next(1))).status_code == 200
        early = chain.next(2)  # signed with a version the upstream does not hold yet
        refused = post(client, upstream, early)
        assert refused.status_code == 400 and refused.json()["field"] == "key", refused.text
        assert post(client, upstream, chain.held(chain.announce(1, {2: V2}))).status_code == 200
        answer = post(client, upstream, chain.held(chain.next(2)))
        assert answer.status_code == 200, answer.text
        assert held_keys(upstream, kiosk.kiosk_id) == ({1: raw(fixed_keys.signing_key()), 2: raw(V2)}, 3)

        # version 2 again with another key: refused, named, nothing stored, the version keeps its key
        redefined = post(client, upstream, chain.announce(1, {2: OTHER}))
        assert redefined.status_code == 400, redefined.text
        assert redefined.json()["field"] == "payload.signing_keys.2" and "another key" in redefined.json()["detail"]
        # signed with a version the upstream does not hold
        unknown = post(client, upstream, chain.announce(5, {6: OTHER}, key=OTHER))
        assert unknown.status_code == 400 and unknown.json()["field"] == "key", unknown.text
        # announcing a version not newer than the one that signs it
        stale = post(client, upstream, chain.announce(2, {2: V2}))
        assert stale.status_code == 400 and stale.json()["field"] == "payload.signing_keys", stale.text
        assert held_keys(upstream, kiosk.kiosk_id) == ({1: raw(fixed_keys.signing_key()), 2: raw(V2)}, 3)
        assert _faults(upstream, kiosk.kiosk_id) == ["invalid"] * 4

        # the same version with the same key again is fine; in one batch an announcement verifies what follows it
        batch = [chain.held(chain.announce(1, {2: V2, 3: V3})), chain.held(chain.next(3)), chain.held(chain.next(3))]
        answer = decode_answer(post_batch(client, upstream, batch).content, 3)
        assert answer.refusal is None and len(answer.receipts) == 3
        assert held_keys(upstream, kiosk.kiosk_id) == \
            ({1: raw(fixed_keys.signing_key()), 2: raw(V2), 3: raw(V3)}, 6)

        # in a batch, an announcement redefining a version is refused after those before it are held
        good = chain.held(chain.next(3))
        answer = decode_answer(post_batch(client, upstream, [good, chain.announce(2, {3: OTHER})]).content, 2)
        assert len(answer.receipts) == 1 and answer.refusal is not None
        assert (answer.refusal["index"], answer.refusal["status"], answer.refusal["field"]) == \
            (1, 400, "payload.signing_keys.3")
        assert held_keys(upstream, kiosk.kiosk_id) == \
            ({1: raw(fixed_keys.signing_key()), 2: raw(V2), 3: raw(V3)}, 7)
