"""The uploader: delivers this kiosk's queued envelopes to its upstream, in sequence order, exactly once.

Each attempt (:meth:`Uploader.attempt`) sends the oldest queued envelopes over mutual TLS (the stored CA, the
kiosk's certificate and its TLS key, decrypted in memory by OpenSSL with the password from the key hierarchy:
:mod:`sync.registration`) on one kept-alive connection, and acts on the answer (``sync/PROTOCOL.md``). Made with
``max_batch`` 1 it sends one envelope per request with ``POST /v1/envelopes``; with more, consecutive envelopes in
one ``POST /v1/envelopes:batch`` (:mod:`sync.batch`; at most ``max_batch``, and 16 MiB): one envelope at first, twice
as many after each delivery, one again after a failed attempt. An upstream that does not know the batch endpoint
(protocol 1.0) answers 404 or 405: a failed attempt like any other (the last error says it), so a kiosk made with
``max_batch`` above 1 needs an upstream of protocol 1.1.

- 200: each receipt is verified (:func:`sync.receipt.verified_receipt` with the registered receipt keys and the
  bytes sent) and, in one transaction, every envelope with a good receipt is marked delivered with the time and its
  receipt, and the failures in a row are cleared. A repeat (the answer to an earlier send was lost) gets the same
  receipt, so a crash anywhere delivers nothing twice upstream and loses nothing here;
- 503, a connection error, a timeout, another 5xx: the attempt failed; the connection is dropped (the next attempt
  makes a new one: a changed network is picked up) and the next attempt waits for the backoff
  (:mod:`sync.backoff`), kept in the database (:mod:`sync.upload_state`);
- 400, 403, 409, 413, another 4xx, a batch answer refusing an envelope (after those before it are marked), or a
  receipt that does not verify: delivery stops with the reason as the last error, until a person looks.
"""

from __future__ import annotations

import random
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import httpx
from sqlalchemy import Engine, Row, bindparam, select, update
from sqlalchemy.orm import Session

from enrollment.records.models import OutboxEnvelope
from sync import upload_state
from sync.batch import BATCH_OVERHEAD, MAX_BATCH_BYTES, decode_answer, encode_request
from sync.errors import ReceiptInvalid
from sync.outbox import DELIVERED, QUEUED
from sync.receipt import verified_receipt
from sync.registration import Registration

CONNECT_TIMEOUT_S = 15.0
TIMEOUT_S = 60.0  # an answer slower than this is a failed attempt (the upstream answers a repeat with its receipt)
STOP_STATUSES = range(400, 500)
SINGLE_PATH = "/v1/envelopes"
BATCH_PATH = "/v1/envelopes:batch"


class Outcome(StrEnum):
    DELIVERED = "delivered"  # one or more envelopes delivered
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
    count: int = 0  # envelopes delivered


def tls_context(registration: Registration, password: bytes) -> ssl.SSLContext:
    """Verifies the service against the upstream's CA and presents the kiosk's certificate; the encrypted key is
    opened by OpenSSL in memory with ``password`` (nothing decrypted is written)."""
    context = ssl.create_default_context(cafile=str(registration.ca))
    context.load_cert_chain(str(registration.certificate), str(registration.tls_key), password=lambda: password)
    return context


class Uploader:
    """Delivers ``kiosk_id``'s envelopes from the database of ``engine`` to the registered upstream."""

    def __init__(self, engine: Engine, registration: Registration, password: bytes, *,
                 rng: random.Random | None = None, max_batch: int = 1) -> None:
        self.engine = engine
        self.registration = registration
        self.kiosk_id = registration.kiosk_id
        self._context = tls_context(registration, password)
        self._rng = rng or random.SystemRandom()
        self._client: httpx.Client | None = None
        self.max_batch = max_batch
        self._batched = max_batch > 1  # False: one envelope per request (``POST /v1/envelopes``); fixed when made
        self._batch = 1  # doubles after each delivery up to max_batch, back to 1 after a failed attempt

    def attempt(self, *, now: datetime | None = None, ignore_wait: bool = False) -> Attempt:
        """One attempt at the oldest queued envelopes, as many as the batch holds now (none when the backoff's
        wait is not over, unless ``ignore_wait``, or delivery is stopped)."""
        now = now or datetime.now(UTC)
        with Session(self.engine) as session:
            state = upload_state.read_state(session, self.kiosk_id)
            if state.stopped:
                return Attempt(Outcome.STOPPED, reason=state.last_error)
            if not ignore_wait and state.next_attempt_at is not None and state.next_attempt_at > now:
                return Attempt(Outcome.WAITING, next_attempt_at=state.next_attempt_at)
            rows = _within_limit(session.execute(
                select(OutboxEnvelope.id, OutboxEnvelope.sequence, OutboxEnvelope.envelope)
                .where(OutboxEnvelope.kiosk_id == self.kiosk_id, OutboxEnvelope.state == QUEUED)
                .order_by(OutboxEnvelope.sequence).limit(self._batch if self._batched else 1)).all())
        if not rows:
            return Attempt(Outcome.EMPTY)
        first = rows[0].sequence
        try:
            if self._batched:
                answer = self._post(BATCH_PATH, encode_request([row.envelope for row in rows]))
            else:
                answer = self._post(SINGLE_PATH, rows[0].envelope)
        except httpx.TransportError as exc:
            return self._failed(first, f"envelope {first}: {type(exc).__name__}: {exc}")
        if answer.status_code == 200:
            return self._delivered(rows, answer.content, now)
        detail = f"envelope {first}: HTTP {answer.status_code} {_reason(answer)}"
        if answer.status_code in STOP_STATUSES:
            return self._stopped(first, detail)
        return self._failed(first, detail)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _post(self, path: str, body: bytes) -> httpx.Response:
        if self._client is None:
            self._client = httpx.Client(base_url=self.registration.service_url, verify=self._context,
                                        timeout=httpx.Timeout(TIMEOUT_S, connect=CONNECT_TIMEOUT_S))
        return self._client.post(path, content=body, headers={"Content-Type": "application/cbor"})

    def _delivered(self, rows: list[Row], content: bytes, now: datetime) -> Attempt:
        """Verify each receipt against the envelope it answers and mark every envelope with a good receipt
        delivered in one transaction; then stop at the first refused one, if any."""
        if self._batched:
            try:
                answer = decode_answer(content, len(rows))
            except ValueError as exc:
                return self._stopped(rows[0].sequence, f"envelope {rows[0].sequence}: the upstream's batch answer "
                                                       f"is refused: {exc}")
            receipts, refusal = answer.receipts, answer.refusal
        else:
            receipts, refusal = [content], None
        good: list[tuple[Row, bytes]] = []
        problem = None
        for row, receipt in zip(rows, receipts, strict=False):
            problem = self._receipt_problem(row, receipt)
            if problem is not None:
                break
            good.append((row, receipt))
        if good:
            with Session(self.engine) as session, session.begin():
                session.connection().execute(
                    update(OutboxEnvelope.__table__)
                    .where(OutboxEnvelope.__table__.c.id == bindparam("envelope_id"),
                           OutboxEnvelope.__table__.c.state == QUEUED)
                    .values(state=DELIVERED, delivered_at=now, receipt=bindparam("signed_receipt")),
                    [{"envelope_id": row.id, "signed_receipt": receipt} for row, receipt in good])
                upload_state.record_success(session, self.kiosk_id, now)
        if problem is None and refusal is not None:
            refused = rows[len(receipts)].sequence
            fields = {k: v for k, v in refusal.items() if k not in ("index", "status")}
            problem = f"envelope {refused}: HTTP {refusal.get('status')} ({_listed(fields)})"
        if problem is not None:
            return self._stopped(rows[len(good)].sequence, problem)
        self._batch = min(self._batch * 2, self.max_batch)
        return Attempt(Outcome.DELIVERED, good[-1][0].sequence, count=len(good))

    def _receipt_problem(self, row: Row, receipt: bytes) -> str | None:
        try:
            verified = verified_receipt(receipt, keys=self.registration.receipt_keys, envelope=row.envelope)
        except ReceiptInvalid as exc:
            return f"envelope {row.sequence}: the upstream's receipt is refused: {exc}"
        if (verified.envelope_id, verified.kiosk_id, verified.sequence) != (row.id, self.kiosk_id, row.sequence):
            return f"envelope {row.sequence}: the upstream's receipt names another envelope"
        return None

    def _failed(self, sequence: int, reason: str) -> Attempt:
        self.close()  # a new connection next time (the network may have changed)
        self._batch = 1
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
    return "(" + _listed(got) + ")"


def _listed(fields: dict) -> str:
    return ", ".join(f"{k}: {v}" for k, v in fields.items())


def _within_limit(rows: list[Row]) -> list[Row]:
    """The first of ``rows`` whose batch request stays within :data:`sync.batch.MAX_BATCH_BYTES` (one at least)."""
    total = 0
    for count, row in enumerate(rows):
        total += len(row.envelope) + BATCH_OVERHEAD
        if count and total > MAX_BATCH_BYTES:
            return rows[:count]
    return rows
