"""Revoking a kiosk: refused by the service (403) from the moment it is recorded, and in the TLS handshake once the
service has restarted with the rewritten CRL; another kiosk is not touched."""

from __future__ import annotations

import signal
import time

import httpx

from tests.sync import fixed_keys
from tests.sync.upstream.harness import envelope_of, register, zuil


def handshake_passes(kiosk, upstream) -> bool:
    try:
        with kiosk.client() as client:
            client.get(f"{upstream.service}/v1/chain")
    except httpx.TransportError:
        return False
    return True


def test_a_revoked_kiosk_is_refused_at_once_and_at_tls_after_a_restart(upstream, tmp_path):
    gone = register(upstream, "zuil-gone-01", fixed_keys.signing_key(), tmp_path / "gone")
    kept = register(upstream, "zuil-kept-01", fixed_keys.signing_key(), tmp_path / "kept")
    first = envelope_of("zuil-gone-01", 1).encoded
    with gone.client() as client:
        assert client.post(f"{upstream.service}/v1/envelopes", content=first).status_code == 200
        zuil("upstream", "revoke", "zuil-gone-01", "--dir", str(upstream.folder))
        answer = client.post(f"{upstream.service}/v1/envelopes", content=first)  # the same kept-alive connection
        assert answer.status_code == 403 and answer.json()["reason"] == "kiosk"
        assert client.get(f"{upstream.service}/v1/chain").status_code == 403
    assert "state=revoked" in zuil("upstream", "kiosks", "--dir", str(upstream.folder))
    upstream.process.send_signal(signal.SIGHUP)  # the workers are replaced and read the CRL again
    deadline = time.monotonic() + 120
    while handshake_passes(gone, upstream):
        assert time.monotonic() < deadline, "SIGHUP did not bring the CRL into the TLS handshake"
        time.sleep(0.5)
    assert handshake_passes(kept, upstream)  # the same service, still up, for the others
    assert upstream.stop() == 0
    upstream.start()
    assert not handshake_passes(gone, upstream)
    with kept.client() as client:
        answer = client.post(f"{upstream.service}/v1/envelopes", content=envelope_of("zuil-kept-01", 1).encoded)
        assert answer.status_code == 200
