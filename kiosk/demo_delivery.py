"""``zuil demo --deliver``: the demo's outbox delivered to a real upstream, with its receipts.

:func:`demo_upstream` makes a throw-away upstream (``zuil upstream init`` and ``serve`` in a temporary folder,
SQLite, two loopback ports: :func:`sync.loopback.loopback_upstream`) and registers the demo kiosk with it through
its registration listener (one-time token, the CA's fingerprint), the registration files kept in the same temporary
folder; the demo's intake is then sealed to that upstream's key. :func:`deliver` drains the outbox with the kiosk's
own uploader (mutual TLS, batches) and returns each envelope's verified receipt. When the demo ends the upstream is
stopped and the folder removed: nothing of it is left in the demo folder.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from enrollment.keys.keyring import KeyRing
from enrollment.records.models import OutboxEnvelope
from enrollment.records.store import RecordStore
from sync.batch import MAX_BATCH
from sync.errors import SyncError
from sync.loopback import loopback_upstream
from sync.outbox import Sender
from sync.receipt import verified_receipt
from sync.register import register
from sync.registration import Registration, tls_key_password
from sync.uploader import Uploader
from sync.upstream_key import load_upstream_key
from sync.worker import drain

UPSTREAM_ID = "demo-upstream"
DELIVERY_S = 300.0  # only for hangs: a loaded machine delivers the demo's few envelopes in seconds


@dataclass(frozen=True)
class DemoUpstream:
    registration: Registration
    sender: Sender  # the demo kiosk's outbox sender, sealing to this upstream's key


@contextmanager
def demo_upstream(kiosk_id: str, ring: KeyRing) -> Iterator[DemoUpstream]:
    """A throw-away upstream on loopback with ``kiosk_id`` registered (the demo keys ``ring``); stopped and removed
    when the block ends."""
    with tempfile.TemporaryDirectory(prefix="zuil-demo-upstream-") as temp, \
            loopback_upstream(Path(temp) / "upstream", UPSTREAM_ID) as upstream:
        registration = register(Path(temp) / "kiosk", ring, kiosk_id=kiosk_id, upstream=upstream.registration_url,
                                token=upstream.token_for(kiosk_id), ca_sha256=upstream.ca_sha256)
        yield DemoUpstream(registration, Sender(kiosk_id, ring, load_upstream_key(registration.sealing_key)))


def deliver(store: RecordStore, ring: KeyRing, upstream: DemoUpstream) -> dict[str, Any]:
    """Deliver the demo kiosk's outbox to ``upstream``; what the demo's ``outbox.delivered`` says: the upstream,
    and each envelope's sequence, kind and receipt (its SHA-256, verified against the upstream's receipt key and
    the envelope sent)."""
    registration = upstream.registration
    uploader = Uploader(store.engine, registration, tls_key_password(ring, registration.password_signing_version),
                        max_batch=MAX_BATCH)
    try:
        done = drain(uploader, threading.Event(), until_empty=True, max_seconds=DELIVERY_S)
    finally:
        uploader.close()
    with store.transaction() as session:
        rows = session.execute(select(OutboxEnvelope.sequence, OutboxEnvelope.kind, OutboxEnvelope.state,
                                      OutboxEnvelope.envelope, OutboxEnvelope.receipt)
                               .where(OutboxEnvelope.kiosk_id == registration.kiosk_id)
                               .order_by(OutboxEnvelope.sequence)).all()
    if any(row.state != "delivered" or row.receipt is None for row in rows):
        raise SyncError(f"the demo upstream did not take every envelope ({done.delivered} of {len(rows)} "
                        f"delivered, {done.failures} failed attempts)")
    receipts = []
    for row in rows:
        receipt = verified_receipt(row.receipt, keys=registration.receipt_keys, envelope=row.envelope)
        receipts.append({"sequence": row.sequence, "kind": row.kind, "received": receipt.received,
                         "receipt_sha256": hashlib.sha256(row.receipt).hexdigest(), "verified": True})
    return {"upstream": f"{registration.upstream_id}: a throw-away `zuil upstream serve` on loopback "
                        f"({registration.service_url}), stopped after the demo",
            "receipts": receipts}
