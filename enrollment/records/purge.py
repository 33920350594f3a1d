"""The purge: delete what is past its retention (:mod:`enrollment.records.retention_policy`), on the times the
records carry (UTC), and leave a deletion receipt for each rule that deleted something.

Rules, applied in this order, each to what the ones before left:

- ``refused-consent``: an intake with a refusal and no consent given, ``refused_consent_days`` after its last
  refusal: deleted whole.
- ``intake-retention``: an intake ``biometrics_days`` after its start: deleted whole (templates, images, V-number,
  person link, identification results, decisions, flags, consent records, queued withdrawal reports).
- ``raw-images``: a kept raw image ``raw_images_days`` after its capture: the sealed image is removed.
- ``withdrawn-prints``: the templates and images of an intake whose every consent is withdrawn: removed.

A person no intake names any more is deleted with the last one. The rules that delete what the upstream holds too
(:data:`REPORTED`) hand their receipts to a reporter the caller passes (:data:`DeletionReporter`; the kiosk's queues
a deletion envelope each), in the purge's transaction. Intakes are deleted only through
:func:`enrollment.records.consents.delete_intakes`, which the consent records' triggers require. Everything is one
transaction: a crash leaves the store as before or wholly purged, receipts included. Nothing is crypto-shredded
(see :mod:`~enrollment.records.retention_policy`); on SQLite the WAL is checkpointed and truncated afterwards, so
with ``secure_delete`` the deleted ciphertext is in neither file. The audit entries are written after the commit
(:func:`audit_receipts`), one per receipt, each receipt then naming its entry; a crash in between leaves receipts
without an entry, which the next purge logs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, aliased

from enrollment.records.consents import delete_intakes
from enrollment.records.field_cipher import cipher_of
from enrollment.records.intake_reads import person_of
from enrollment.records.models import CaptureRow, ConsentRecord, DeletionReceipt, Intake, Person, new_id
from enrollment.records.vocabulary import ConsentDecision
from enrollment.settings import RetentionSettings

BATCH = 500


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC time; a naive one (as SQLite returns them) is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def cutoff(now: datetime, days: int) -> datetime:
    """The moment before which a record kept ``days`` days is past its retention."""
    return as_utc(now) - timedelta(days=days)


def is_due(recorded_at: datetime, now: datetime, days: int) -> bool:
    """Whether a record made at ``recorded_at`` and kept ``days`` days is past its retention at ``now``."""
    return as_utc(recorded_at) < cutoff(now, days)


@dataclass(frozen=True)
class RuleResult:
    rule: str
    reason: str
    records: int  # intakes deleted, or captures whose sealed prints were removed
    intake_ids: tuple[str, ...]
    captures: tuple[str, ...] = ()  # the captures a removal rule takes prints from
    person_ids: tuple[str, ...] = ()  # persons this rule's deletion leaves without an intake (named once, first rule)


@dataclass(frozen=True)
class PurgePlan:
    now: datetime
    rules: tuple[RuleResult, ...]
    person_ids: tuple[str, ...]  # persons left without an intake


DELETING = ("refused-consent", "intake-retention")
#: The rules that delete what the upstream holds too (intakes, persons, templates): each is reported upstream. A raw
#: image never leaves the kiosk, so ``raw-images`` is not.
REPORTED = ("refused-consent", "intake-retention", "withdrawn-prints")


def plan_purge(session: Session, retention: RetentionSettings, now: datetime) -> PurgePlan:
    """What a purge at ``now`` would delete; writes nothing."""
    refusal, given, withdrawal = aliased(ConsentRecord), aliased(ConsentRecord), aliased(ConsentRecord)
    refused_before = cutoff(now, retention.refused_consent_days)
    any_given = select(given.id).where(given.intake_id == Intake.id, given.decision == ConsentDecision.GIVEN).exists()
    refused = _ids(session, select(Intake.id).where(
        ~any_given,
        select(refusal.id).where(refusal.intake_id == Intake.id, refusal.decision == ConsentDecision.REFUSED).exists(),
        ~select(refusal.id).where(refusal.intake_id == Intake.id, refusal.decision == ConsentDecision.REFUSED,
                                  refusal.decided_at >= refused_before).exists()))
    old = _ids(session, select(Intake.id).where(Intake.started_at < cutoff(now, retention.biometrics_days)))
    old -= refused
    gone = refused | old
    images = _captures(session, select(CaptureRow.id, CaptureRow.intake_id).where(
        CaptureRow.image_sealed.is_not(None), CaptureRow.captured_at < cutoff(now, retention.raw_images_days)), gone)
    in_force = select(given.id).where(
        given.intake_id == Intake.id, given.decision == ConsentDecision.GIVEN,
        ~select(withdrawal.id).where(withdrawal.withdraws_id == given.id).exists()).exists()
    withdrawn = select(Intake.id).where(
        ~in_force, select(withdrawal.id).where(withdrawal.intake_id == Intake.id,
                                               withdrawal.decision == ConsentDecision.WITHDRAWN).exists())
    prints = _captures(session, select(CaptureRow.id, CaptureRow.intake_id).where(
        CaptureRow.intake_id.in_(withdrawn),
        (CaptureRow.template_sealed.is_not(None)) | (CaptureRow.image_sealed.is_not(None))), gone)
    rules = (
        RuleResult("refused-consent", f"refusal older than refused_consent_days={retention.refused_consent_days}",
                   len(refused), tuple(sorted(refused))),
        RuleResult("intake-retention", f"intake started more than biometrics_days={retention.biometrics_days} ago",
                   len(old), tuple(sorted(old))),
        RuleResult("raw-images", f"raw image older than raw_images_days={retention.raw_images_days}",
                   len(images), tuple(sorted({i for _c, i in images})), tuple(sorted(c for c, _i in images))),
        RuleResult("withdrawn-prints", "every consent of the intake is withdrawn",
                   len(prints), tuple(sorted({i for _c, i in prints})), tuple(sorted(c for c, _i in prints))),
    )
    cipher = cipher_of(session)
    persons = {intake_id: person_of(cipher, intake_id, sealed)
               for intake_id, sealed in session.execute(select(Intake.id, Intake.person_sealed))}
    kept = {person for intake_id, person in persons.items() if intake_id not in gone}
    orphans = sorted(set(session.scalars(select(Person.id))) - kept)
    named: set[str] = set()
    planned = []
    for rule in rules:  # a deleting rule names the orphans its intakes leave (each in the first rule that does)
        left = sorted({persons[i] for i in rule.intake_ids} & set(orphans) - named) if rule.rule in DELETING else []
        named.update(left)
        planned.append(replace(rule, person_ids=tuple(left)))
    return PurgePlan(as_utc(now), tuple(r for r in planned if r.records), tuple(orphans))


def _ids(session: Session, query) -> set[str]:  # type: ignore[no-untyped-def]
    return set(session.scalars(query))


def _captures(session: Session, query, gone: set[str]) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(capture, intake) for capture, intake in session.execute(query) if intake not in gone]


#: Queues the upstream report of each receipt of a :data:`REPORTED` rule in the purge's transaction (the rule it
#: came from beside it); returns how many. The enrollment part does not import sync: the command's root wires it.
DeletionReporter = Callable[[Session, Sequence[tuple[RuleResult, DeletionReceipt]]], int]


def apply_purge(session: Session, plan: PurgePlan, report: DeletionReporter | None = None) -> list[DeletionReceipt]:
    """Carry out ``plan`` in the caller's transaction and write its receipts; returns them. With ``report``, the
    receipts of the rules that delete what the upstream holds are handed to it in the same transaction, and marked
    reported (``reported_at``)."""
    receipts = []
    for rule in plan.rules:
        if rule.rule in DELETING:
            for batch in _batches(rule.intake_ids):
                delete_intakes(session, Intake.id.in_(batch))
        else:
            for batch in _batches(rule.captures):
                session.execute(update(CaptureRow).where(CaptureRow.id.in_(batch))
                                .values(**({"image_sealed": None} if rule.rule == "raw-images"
                                           else {"template_sealed": None, "image_sealed": None,
                                                 "sketch_sealed": None})),
                                execution_options={"synchronize_session": False})
        receipts.append(DeletionReceipt(id=new_id(), purged_at=plan.now, rule=rule.rule, reason=rule.reason,
                                        records=rule.records, intake_ids=json.dumps(list(rule.intake_ids))))
    for batch in _batches(plan.person_ids):
        session.execute(delete(Person).where(Person.id.in_(batch)))
    session.add_all(receipts)
    session.flush()
    if report is not None:
        reported = [(rule, receipt) for rule, receipt in zip(plan.rules, receipts, strict=True)
                    if rule.rule in REPORTED]
        if reported:
            report(session, reported)
            for _rule, receipt in reported:
                receipt.reported_at = plan.now
            session.flush()
    return receipts


def _batches(items: tuple[str, ...]) -> Iterable[list[str]]:
    for start in range(0, len(items), BATCH):
        yield list(items[start:start + BATCH])


def truncate_wal(engine: Engine) -> bool | None:
    """Checkpoint an SQLite store's WAL into the database and truncate it: True when done, False when another
    connection's reader kept it from finishing (the next checkpoint does), None for PostgreSQL."""
    if engine.dialect.name != "sqlite":
        return None
    connection = engine.raw_connection()
    try:
        busy, _log, _moved = connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        connection.close()
    return busy == 0


def unaudited(session: Session) -> list[DeletionReceipt]:
    """The receipts no audit entry names yet (this purge's, or a purge's that was stopped before it logged them)."""
    return list(session.scalars(select(DeletionReceipt).where(DeletionReceipt.audit_seq.is_(None))
                                .order_by(DeletionReceipt.purged_at, DeletionReceipt.id)))


def receipt_details(receipt: DeletionReceipt) -> dict[str, str | int]:
    """What the audit entry of a receipt says: the rule and the counts (the intake ids are in the receipt)."""
    return {"rule": receipt.rule, "records": receipt.records, "intakes": len(json.loads(receipt.intake_ids))}
