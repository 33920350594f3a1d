"""``zuil demo`` reports its intake through the signed outbox, and ``zuil sync status`` shows it."""

from __future__ import annotations

import json

import cbor2
from click.testing import CliRunner

from enrollment.keys.demo_keys import open_demo_keys
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records.store import RecordStore
from enrollment.settings import Settings
from kiosk.cli import main
from sync.chain import verify_chain
from sync.demo_upstream import demo_upstream_private_key
from sync.envelope import GENESIS, parse_envelope, seal_aad
from sync.outbox import chain_of, signing_keys
from sync.sealing import open_sealed


def _zuil(data_dir, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_demo_queues_one_signed_envelope_per_record_sealed_to_the_demo_upstream(tmp_path, monkeypatch):
    monkeypatch.delenv("ZUIL_CONFIG", raising=False)
    monkeypatch.delenv("ZUIL_DATA_DIR", raising=False)
    demo = ["demo", "--gallery-persons", "20"]
    first = json.loads(_zuil(tmp_path / "data", *demo))["outbox"]
    summary = json.loads(_zuil(tmp_path / "data", *demo))  # the second run: its chain starts at 1 again
    outbox = summary["outbox"]
    kinds = ["intake", "consent", "identification", "identification"]  # the search and the V-number check
    assert [e["kind"] for e in outbox["envelopes"]] == kinds and outbox["queued"] == 4
    assert [e["sequence"] for e in outbox["envelopes"]] == [1, 2, 3, 4]
    assert outbox["chain_head_sha256"] != first["chain_head_sha256"]

    folder = tmp_path / "data" / "demo"
    ring = open_demo_keys(folder)
    store = RecordStore(Settings(data_dir=folder).database, ring)
    try:
        with store.transaction() as session:
            chain = chain_of(session, "zuil-demo-01")
    finally:
        store.close()
    head = verify_chain(chain, keys=signing_keys(ring), kiosk_id="zuil-demo-01")
    assert head.head.hex() == outbox["chain_head_sha256"] and [len(e) for e in chain] == \
        [e["bytes"] for e in outbox["envelopes"]]
    intake = parse_envelope(chain[0], keys=signing_keys(ring), previous_hash=GENESIS)
    assert intake.payload["intake"] == summary["intake_id"]
    aad = seal_aad(intake.envelope_id, intake.kiosk_id, intake.sequence, intake.kind)
    secret = cbor2.loads(open_sealed(demo_upstream_private_key(folder), intake.payload["sealed"], aad))
    assert secret["v_number"] == summary["v_number"]
    assert len(secret["templates"]) == len(Settings().fingers) * IMPRESSIONS_PER_FINGER
    assert summary["v_number"].encode() not in b"".join(chain)
    assert all(t["template"] not in chain[0] for t in secret["templates"])
    print(f"envelope sizes of one demo intake: {[len(e) for e in chain]} bytes")

    status = json.loads(_zuil(folder, "sync", "status", "--json"))  # the demo's record as a kiosk's
    assert (status["queued"], status["last_sequence"], status["chain_head_sha256"]) == \
        (4, 4, outbox["chain_head_sha256"])
    assert status["last_success"] is None and status["last_error"] is None and status["oldest_queued_age_s"] >= 0
    assert "queued           4" in _zuil(folder, "sync", "status")
