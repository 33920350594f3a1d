"""The uploader: delivers this kiosk's queued envelopes to its upstream, in sequence order, exactly once.

Each attempt (:meth:`Uploader.attempt`) sends the oldest queued envelope with ``POST /v1/envelopes`` over mutual TLS
(the stored CA, the kiosk's certificate and its TLS key, decrypted in memory by OpenSSL with the password from
the key hierarchy: :mod:`sync.registration`) on one kept-alive connection, and acts on the answer
(``sync/PROTOCOL.md``):

- 200: the receipt is verified (:func:`sync.receipt.verified_receipt` with the registered receipt keys and the bytes
  sent) and, in one transaction, the envelope is marked delivered with the time and the receipt, and the failures in
  a row are cleared. A repeat (the answer to an earlier send was lost) gets the same receipt, so a crash anywhere
  delivers nothing twice upstream and loses nothing here;
- 503, a connection error, a timeout, another 5xx: the attempt failed; the connection is dropped (the next attempt
  makes a new one: a changed network is picked up) and the next attempt waits for the backoff
  (:mod:`sync.backoff`), kept in the database (:mod:`sync.upload_state`);
- 400, 403, 409, 413, another 4xx, or a receipt that does not verify: delivery stops with the reason as the last
  error, until a person looks.
"""

from __future__ import annotations

import random
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import httpx
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from enrollment.records.models import OutboxEnvelope
from sync import upload_state
from sync.errors import ReceiptInvalid
from sync.outbox import DELIVERED, QUEUED
from sync.receipt import verified_receipt
from sync.registration import Registration

CONNECT_TIMEOUT_S = 15.0
TIMEOUT_S = 60.0  # an answer slower than this is a failed attempt (the upstream answers a repeat with its receipt)
STOP_STATUSES = range(400, 500)


class Outcome(StrEnum):
    DELIVERED = "delivered"  # one envelope delivered
    EMPTY = "empty"  # nothing queued
    WAITING = "waiting"  # the backoff's wait is not over
    FAILED = "failed"  # this attempt failed; the next one waits
    STOPPED = "stopped"  # needs a person


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    sequence: int | None = None
    next_attempt_at: datetime | None = None
    reason: str | None = None


def tls_context(registration: Registration, password: bytes) -> ssl.SSLContext:
    """Verifies the service against the upstream's CA and presents the kiosk's certificate; the encrypted key is
    opened by OpenSSL in memory with ``password`` (nothing decrypted is written)."""
    context = ssl.create_default_context(cafile=str(registration.ca))
    context.load_cert_chain(str(registration.certificate), str(registration.tls_key), password=lambda: password)
    return context


class Uploader:
    """Delivers ``kiosk_id``'s envelopes from the database of ``engine`` to the registered upstream."""

    def __init__(self, engine: Engine, registration: Registration, password: bytes, *,
                 rng: random.Random | None = None) -> None:
        self.engine = engine
        self.registration = registration
        self.kiosk_id = registration.kiosk_id
        self._context = tls_context(registration, password)
        self._rng = rng or random.SystemRandom()
        self._client: httpx.Client | None = None

    def attempt(self, *, now: datetime | None = None, ignore_wait: bool = False) -> Attempt:
        """One attempt at the oldest queued envelope (none when the backoff's wait is not over, unless
        ``ignore_wait``, or delivery is stopped)."""
        now = now or datetime.now(UTC)
        with Session(self.engine) as session:
            state = upload_state.read_state(session, self.kiosk_id)
            if state.stopped:
                return Attempt(Outcome.STOPPED, reason=state.last_error)
            if not ignore_wait and state.next_attempt_at is not None and state.next_attempt_at > now:
                return Attempt(Outcome.WAITING, next_attempt_at=state.next_attempt_at)
            row = session.execute(select(OutboxEnvelope.id, OutboxEnvelope.sequence, OutboxEnvelope.envelope)
                                  .where(OutboxEnvelope.kiosk_id == self.kiosk_id, OutboxEnvelope.state == QUEUED)
                                  .order_by(OutboxEnvelope.sequence).limit(1)).one_or_none()
        if row is None:
            return Attempt(Outcome.EMPTY)
        try:
            answer = self._post(row.envelope)
        except httpx.TransportError as exc:
            return self._failed(row.sequence, f"envelope {row.sequence}: {type(exc).__name__}: {exc}")
        if answer.status_code == 200:
            return self._delivered(row.id, row.sequence, row.envelope, answer.content, now)
        detail = f"envelope {row.sequence}: HTTP {answer.status_code} {_reason(answer)}"
        if answer.status_code in STOP_STATUSES:
            return self._stopped(row.sequence, detail)
        return self._failed(row.sequence, detail)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _post(self, envelope: bytes) -> httpx.Response:
        if self._client is None:
            self._client = httpx.Client(base_url=self.registration.service_url, verify=self._context,
                                        timeout=httpx.Timeout(TIMEOUT_S, connect=CONNECT_TIMEOUT_S))
        return self._client.post("/v1/envelopes", content=envelope,
                                 headers={"Content-Type": "application/cbor"})

    def _delivered(self, envelope_id: str, sequence: int, envelope: bytes, receipt: bytes,
                   now: datetime) -> Attempt:
        try:
            verified = verified_receipt(receipt, keys=self.registration.receipt_keys, envelope=envelope)
        except ReceiptInvalid as exc:
            return self._stopped(sequence, f"envelope {sequence}: the upstream's receipt is refused: {exc}")
        if (verified.envelope_id, verified.kiosk_id, verified.sequence) != (envelope_id, self.kiosk_id, sequence):
            return self._stopped(sequence, f"envelope {sequence}: the upstream's receipt names another envelope")
        with Session(self.engine) as session, session.begin():
            session.execute(update(OutboxEnvelope).where(OutboxEnvelope.id == envelope_id,
                                                         OutboxEnvelope.state == QUEUED)
                            .values(state=DELIVERED, delivered_at=now, receipt=receipt))
            upload_state.record_success(session, self.kiosk_id, now)
        return Attempt(Outcome.DELIVERED, sequence)

    def _failed(self, sequence: int, reason: str) -> Attempt:
        self.close()  # a new connection next time (the network may have changed)
        now = datetime.now(UTC)
        with Session(self.engine) as session, session.begin():
            when = upload_state.record_failure(session, self.kiosk_id, reason, now, self._rng)
        return Attempt(Outcome.FAILED, sequence, next_attempt_at=when, reason=reason)

    def _stopped(self, sequence: int, reason: str) -> Attempt:
        self.close()
        with Session(self.engine) as session, session.begin():
            upload_state.record_stop(session, self.kiosk_id, reason, datetime.now(UTC))
        return Attempt(Outcome.STOPPED, sequence, reason=reason)


def _reason(answer: httpx.Response) -> str:
    try:
        got = answer.json()
    except ValueError:
        return ""
    if not isinstance(got, dict):
        return ""
    return "(" + ", ".join(f"{k}: {v}" for k, v in got.items()) + ")"
