"""The worked example of ``sync/ENVELOPE.md`` is what this code makes from the fixed keys, and it verifies: the
document cannot drift from the format. ``python -m tests.sync.test_envelope_doc`` prints the example's values."""

from __future__ import annotations

import re
from pathlib import Path

import cbor2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync import canonical, sealing
from sync.envelope import GENESIS, Envelope, parse_envelope, seal_aad, sign_envelope
from sync.kinds import EnvelopeKind
from tests.sync.fixed_keys import EPHEMERAL_SECRET, NONCE, signing_key, upstream_key

DOCUMENT = Path(__file__).resolve().parents[2] / "sync" / "ENVELOPE.md"
ENVELOPE_ID = "00000000-0000-4000-8000-000000000001"
KIOSK = "zuil-rtd-01"
PUBLIC = {"record": "c0ffee00-0000-4000-8000-000000000002", "intake": "c0ffee00-0000-4000-8000-000000000001",
          "withdraws": "c0ffee00-0000-4000-8000-000000000003", "decided": 1_800_000_000}
SECRET = {"reason": "moved"}


def example() -> Envelope:
    aad = seal_aad(ENVELOPE_ID, KIOSK, 1, EnvelopeKind.WITHDRAWAL)
    sealed = sealing.seal(upstream_key().public_key(), canonical.encode(SECRET), aad,
                          ephemeral=X25519PrivateKey.from_private_bytes(EPHEMERAL_SECRET), nonce=NONCE)
    return sign_envelope(signing_key(), key_version=1, envelope_id=ENVELOPE_ID, kiosk_id=KIOSK, sequence=1,
                         previous_hash=GENESIS, kind=EnvelopeKind.WITHDRAWAL, created=1_800_000_000,
                         payload={**PUBLIC, "sealed": sealed})


def _block(name: str) -> bytes:
    """The hex of the document's block that follows ``<!-- name -->``."""
    text = DOCUMENT.read_text(encoding="utf-8")
    match = re.search(rf"<!-- {name} -->\s*```text\n(.*?)```", text, re.S)
    assert match, f"sync/ENVELOPE.md has no block {name}"
    return bytes.fromhex("".join(match.group(1).split()))


def test_the_documented_example_is_what_the_code_makes_and_it_verifies():
    made = example()
    assert _block("example-envelope") == made.encoded
    assert _block("example-body") == cbor2.loads(made.encoded)["body"]
    public = Ed25519PublicKey.from_public_bytes(_block("example-signing-public-key"))
    parsed = parse_envelope(_block("example-envelope"), keys={1: public}, previous_hash=GENESIS)
    assert _block("example-hash") == parsed.hash
    assert _block("example-aad") == seal_aad(parsed.envelope_id, parsed.kiosk_id, parsed.sequence, parsed.kind)
    upstream = upstream_key()
    assert _block("example-upstream-public-key") == upstream.public_key().public_bytes_raw()
    opened = sealing.open_sealed(upstream, parsed.payload["sealed"], _block("example-aad"))
    assert _block("example-sealed-plaintext") == opened and cbor2.loads(opened) == SECRET


def _hex(data: bytes, width: int = 64) -> str:
    text = data.hex()
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


if __name__ == "__main__":
    made = example()
    blocks = {"example-signing-public-key": signing_key().public_key().public_bytes_raw(),
              "example-upstream-public-key": upstream_key().public_key().public_bytes_raw(),
              "example-body": cbor2.loads(made.encoded)["body"], "example-envelope": made.encoded,
              "example-hash": made.hash, "example-aad": seal_aad(ENVELOPE_ID, KIOSK, 1, EnvelopeKind.WITHDRAWAL),
              "example-sealed-plaintext": canonical.encode(SECRET)}
    for name, value in blocks.items():
        print(f"<!-- {name} -->\n```text\n{_hex(value)}\n```  ({len(value)} bytes)\n")
    print(cbor2.loads(cbor2.loads(made.encoded)["body"]))
