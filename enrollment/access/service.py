"""The access service: the one layer for anything a role guards. The ``zuil accounts`` commands and the kiosk's
staff views call it. Every call names its session; the service
checks that the session is live (not logged out, not idle past its limit, its account not disabled since) and that
its role may perform the operation (:mod:`enrollment.access.roles`) before it reads anything.

Audit entries (:mod:`enrollment.audit`): every login, failed login (a name that is no account is logged as
``unknown-account``, never as typed), lockout and logout (``idle`` true or false); every officer view of
evidence (subject: the intake id; details: counts only, and the rank of a candidate whose prints are shown); every
decision and confirmation (with the contra-indication flags the decision set and cleared, comma-separated, never its
reason); every account added or disabled; every key rotation (as ``zuil keys rotate`` logs it, with the
technician's account as actor); every intake summary exported (kind export: the intake id and the
format, or the failure's type). None holds a V-number, a name typed at the login or biometric data.

The service is given an ``on_decision`` hook (:data:`~enrollment.access.decisions.DecisionHook`) where decisions
are to be reported upstream: it runs in the transaction of each decision and confirmation, so the step and its
report are committed together or not at all (the kiosk wires it to its outbox; enrollment does not import sync).

The command line has no login: whoever runs ``zuil`` with the kiosk's keys acts as :data:`KEY_HOLDER` (the
audit log's ``technician``) for the account commands, which are the only operations it is given here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enrollment.access import accounts, credentials, decisions, flags, queue
from enrollment.access.errors import (
    AccessError,
    AccountDisabled,
    AccountLocked,
    FourEyesRefused,
    LoginRefused,
    SessionEnded,
)
from enrollment.access.match_evidence import MatchEvidence, match_evidence
from enrollment.access.roles import Operation, Role, require
from enrollment.access.sessions import Clock, StaffSession, as_utc, system_clock
from enrollment.access.summary import IntakeSummary, summarize
from enrollment.access.views import (
    CandidateEnrollment,
    CaptureEvidence,
    DecisionView,
    Evidence,
    IdentificationEvidence,
    KeyRotation,
    ProceedAnswer,
    TechnicianStatus,
)
from enrollment.audit import events
from enrollment.audit.entries import Kind, Outcome
from enrollment.audit.key_rotation import rotate_audited
from enrollment.audit.log_store import AuditLog
from enrollment.keys.kek_sources import Secrets
from enrollment.keys.keyring import Purpose
from enrollment.records.intake_reads import candidates_of, capture_image, capture_template
from enrollment.records.models import CaptureRow, IdentificationResult, Intake, LocationRow, Person, StaffAccount
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ContraIndication, OfficerDecision
from enrollment.settings import AccountSettings


@dataclass(frozen=True)
class KeyHolder:
    """The command line's principal: whoever holds the kiosk's keys on the machine (no login)."""

    audit_actor: str = events.TECHNICIAN


KEY_HOLDER = KeyHolder()
Principal = StaffSession | KeyHolder


class AccessService:
    def __init__(self, store: RecordStore, log: AuditLog, settings: AccountSettings | None = None, *,
                 clock: Clock = system_clock, on_decision: decisions.DecisionHook | None = None) -> None:
        self.store, self.log, self.clock, self.on_decision = store, log, clock, on_decision
        self.settings = settings or AccountSettings()

    # -- logging in and out ---------------------------------------------------------------------------------

    def login(self, name: str, secret: str) -> StaffSession:
        """A session for ``name`` when ``secret`` is its PIN or password. Refused (and audited): an unknown or
        malformed name or a wrong secret (:class:`LoginRefused`, the same message for both), a locked account
        (:class:`AccountLocked`, the secret is not even checked), a disabled one (:class:`AccountDisabled`).
        The failed attempt that reaches ``lockout_attempts`` locks the account for ``lockout_seconds``."""
        now = self.clock()
        with self.store.transaction() as session:  # committed before a refusal is raised: it counts the failure
            outcome = self._try_login(session, name, secret, now)
        if isinstance(outcome, AccessError):
            raise outcome
        return outcome

    def _try_login(self, session: Session, name: str, secret: str, now: datetime) -> StaffSession | AccessError:
        wrong = LoginRefused("login refused: the name or the PIN/password is wrong")
        row = accounts.by_name(session, name) if isinstance(name, str) else None
        if row is None:
            credentials.verify_secret(None, secret if isinstance(secret, str) else "")
            events.login(self.log, None, ok=False, reason="unknown-name")
            return wrong
        if row.disabled:
            events.login(self.log, row.id, ok=False, reason="disabled")
            return AccountDisabled(f"login refused: account {row.name!r} is disabled")
        if row.locked_until is not None and as_utc(row.locked_until) > now:
            events.login(self.log, row.id, ok=False, reason="locked")
            return AccountLocked(f"login refused: account {row.name!r} is locked until "
                                 f"{as_utc(row.locked_until).isoformat(timespec='seconds')}")
        stored = accounts.stored_hash(session, row)
        if not isinstance(secret, str) or not credentials.verify_secret(stored, secret):
            self._failed(row, now)
            if row.locked_until is not None:
                return AccountLocked(f"login refused: account {row.name!r} is locked for "
                                     f"{self.settings.lockout_seconds} s after {self.settings.lockout_attempts} "
                                     "failed logins")
            return wrong
        row.failed_logins, row.locked_until = 0, None
        if credentials.needs_rehash(stored):
            accounts.set_secret(session, row, credentials.HASHER.hash(secret))
        events.login(self.log, row.id, ok=True, role=row.role)
        return StaffSession(row.id, row.name, Role(row.role), timedelta(minutes=self.settings.idle_logout_minutes),
                            self.clock, now, now)

    def _failed(self, row: StaffAccount, now: datetime) -> None:
        row.failed_logins += 1
        events.login(self.log, row.id, ok=False, reason="wrong-secret")
        if row.failed_logins >= self.settings.lockout_attempts:
            events.lockout(self.log, row.id, failed_attempts=row.failed_logins,
                           seconds=self.settings.lockout_seconds)
            row.failed_logins, row.locked_until = 0, now + timedelta(seconds=self.settings.lockout_seconds)
        else:
            row.locked_until = None

    def logout(self, staff: StaffSession) -> None:
        """End ``staff`` (audited); a session ended already is left as it is."""
        if not staff.ended:
            staff.ended = True
            events.logout(self.log, staff.account_id, idle=False)

    def idle_ended(self, staff: StaffSession) -> bool:
        """Whether ``staff`` is over: logged out, or idle past its limit now (then ended here and audited as an
        idle logout). Does not count as a use of the session."""
        if not staff.ended and staff.idle_for() > staff.idle_limit:
            staff.ended = True
            events.logout(self.log, staff.account_id, idle=True)
        return staff.ended

    def _check(self, staff: Principal, operation: Operation, session: Session) -> str:
        """The audit actor of ``staff`` once its session is live and its role may perform ``operation``."""
        if isinstance(staff, KeyHolder):
            if operation is not Operation.MANAGE_ACCOUNTS:
                raise SessionEnded("the command line may manage accounts only; log in for anything else")
            return staff.audit_actor
        if not isinstance(staff, StaffSession):
            raise SessionEnded("no session: log in first")
        was_live = not staff.ended
        try:
            staff.use()
        except SessionEnded:
            if was_live:  # ended by this call: idle past the limit
                events.logout(self.log, staff.account_id, idle=True)
            raise
        row = session.get(StaffAccount, staff.account_id)
        if row is None or row.disabled:
            staff.ended = True
            events.logout(self.log, staff.account_id, idle=False)
            raise AccountDisabled(f"account {staff.name!r} was disabled: its session is ended")
        require(staff.role, operation)
        return staff.account_id

    # -- the officer --------------------------------------------------------------------------------------

    def view_evidence(self, staff: StaffSession, intake_id: str) -> Evidence:
        """The intake's identification results, candidates, templates and images as stored, and the decisions
        on it. Officers only; every view is audited (the intake id and counts, nothing of the evidence)."""
        with self.store.transaction() as session:
            actor = self._check(staff, Operation.VIEW_EVIDENCE, session)
            intake = decisions.intake_named(session, intake_id)
            found = tuple(self._identification(session, r) for r in
                          sorted(intake.identifications, key=lambda r: as_utc(r.created_at)))
            evidence = Evidence(intake.id, found, tuple(self._capture(session, c) for c in intake.captures),
                                tuple(decisions.views(session, intake)), self._enrollments(session, found))
            self.log.append(Kind.EVIDENCE_VIEW, actor=actor, subject=intake.id,
                            details={"identifications": len(evidence.identifications),
                                     "captures": len(evidence.captures)})
            return evidence

    def view_match_evidence(self, staff: StaffSession, intake_id: str, person_id: str) -> MatchEvidence:
        """One candidate's prints beside the intake's, finger by finger, with the minutia pairs the matcher counted
        (:mod:`enrollment.access.match_evidence`). Officers only; every view is audited (the intake id, the
        candidate's rank and the number of fingers, nothing of the evidence)."""
        with self.store.transaction() as session:
            actor = self._check(staff, Operation.VIEW_EVIDENCE, session)
            intake = decisions.intake_named(session, intake_id)
            evidence = match_evidence(session, intake, person_id)
            self.log.append(Kind.EVIDENCE_VIEW, actor=actor, subject=intake.id,
                            details={"view": "prints-side-by-side", "candidate_rank": evidence.rank,
                                     "fingers": len(evidence.fingers)})
            return evidence

    @staticmethod
    def _identification(session: Session, row: IdentificationResult) -> IdentificationEvidence:
        return IdentificationEvidence(row.id, row.decision, row.threshold_name, row.gallery_size,
                                      tuple(candidates_of(session, row)), as_utc(row.created_at))

    @staticmethod
    def _enrollments(session: Session, found: Iterable[IdentificationEvidence]) -> dict[str, CandidateEnrollment]:
        """Each candidate's enrolment locations (by name where the record knows the location) and, for a person in
        this kiosk's own record, the date of that first enrolment."""
        enrolled: dict[str, CandidateEnrollment] = {}
        for candidate in (c for result in found for c in result.candidates):
            person_id = str(candidate.get("person_id"))
            names = []
            for location_id in candidate.get("locations", ()):
                row = session.get(LocationRow, str(location_id))
                names.append(row.name if row is not None else str(location_id))
            person = session.get(Person, person_id)
            enrolled[person_id] = CandidateEnrollment(tuple(names),
                                                      as_utc(person.created_at) if person is not None else None)
        return enrolled

    @staticmethod
    def _capture(session: Session, row: CaptureRow) -> CaptureEvidence:
        return CaptureEvidence(row.id, row.finger_position, row.quality, row.device_id,
                               capture_template(session, row), capture_image(session, row))

    def record_decision(self, staff: StaffSession, intake_id: str, decision: OfficerDecision,
                        reason: str | None = None, *,
                        contra_indications: Iterable[ContraIndication] | None = None) -> DecisionView:
        """An officer's decision on an intake (audited, and reported through ``on_decision``). An override of a
        duplicate hit is stored but takes effect only when a second officer confirms it (:meth:`confirm_decision`).
        ``contra_indications`` (None: left as they are) become the flags in force on the intake, set and cleared
        by this officer in the decision's transaction."""
        now = self.clock()
        with self.store.transaction() as session:
            actor = self._check(staff, Operation.RECORD_DECISION, session)
            intake = decisions.intake_named(session, intake_id)
            row = decisions.record(session, intake, officer_id=actor, decision=OfficerDecision(decision),
                                   reason=reason, now=now)
            added, cleared = [], []
            if contra_indications is not None:
                added, cleared = flags.set_exactly(session, intake, contra_indications, officer_id=actor, now=now)
            view = next(v for v in decisions.views(session, intake) if v.decision_id == row.id)
            if self.on_decision is not None:
                self.on_decision(session, row, decisions.DecisionStep.DECIDE)
            self.log.append(Kind.DECISION, actor=actor, subject=intake.id,
                            details={"step": "decide", "decision": view.decision.value, "decision_id": row.id,
                                     "needs_second_officer": view.needs_second_officer,
                                     "flags_set": ",".join(added), "flags_cleared": ",".join(cleared)})
            return view

    def contra_indications(self, staff: StaffSession, intake_id: str) -> frozenset[ContraIndication]:
        """The contra-indication flags in force on the intake. Officers only."""
        with self.store.transaction() as session:
            self._check(staff, Operation.RECORD_DECISION, session)
            return flags.in_force(decisions.intake_named(session, intake_id))

    def confirm_decision(self, staff: StaffSession, decision_id: str) -> DecisionView:
        """A second officer confirms an override (four eyes); refused (and audited as refused) for the officer
        who made it, for a decision that needs no confirmation, and for one confirmed already."""
        with self.store.transaction() as session:
            actor = self._check(staff, Operation.CONFIRM_DECISION, session)
            try:
                row = decisions.confirm(session, decision_id, officer_id=actor, now=self.clock())
            except FourEyesRefused as exc:
                self.log.append(Kind.DECISION, actor=actor, outcome=Outcome.REFUSED,
                                details={"step": "confirm", "decision_id": decision_id, "reason": str(exc)[:200]})
                raise
            intake = decisions.intake_named(session, row.intake_id)
            view = next(v for v in decisions.views(session, intake) if v.decision_id == row.id)
            if self.on_decision is not None:
                self.on_decision(session, row, decisions.DecisionStep.CONFIRM)
            self.log.append(Kind.DECISION, actor=actor, subject=intake.id,
                            details={"step": "confirm", "decision": view.decision.value, "decision_id": row.id})
            return view

    def export_summary(self, staff: StaffSession, intake_id: str, write: Callable[[IntakeSummary], str]) -> str:
        """The intake's summary for the file (:mod:`enrollment.access.summary`: no biometric data, no V-number)
        handed to ``write``, which renders and stores it and returns where it went; returns that. Officers only;
        audited as an export (the intake id and the format), or as failed when ``write`` raises."""
        with self.store.transaction() as session:
            actor = self._check(staff, Operation.EXPORT_SUMMARY, session)
            intake = decisions.intake_named(session, intake_id)
            summary = summarize(session, intake)
        details = {"what": "intake-summary", "format": "pdf"}
        try:
            where = write(summary)
        except Exception as exc:
            self.log.append(Kind.EXPORT, actor=actor, subject=summary.intake_id, outcome=Outcome.FAILED,
                            details={**details, "error": type(exc).__name__})
            raise
        self.log.append(Kind.EXPORT, actor=actor, subject=summary.intake_id, details=details)
        return where

    # -- the intake worker (and the officer) --------------------------------------------------------------

    def intake_status(self, staff: StaffSession, intake_id: str) -> ProceedAnswer:
        """Whether the intake may proceed and why not: no biometric data, no candidate, no V-number."""
        with self.store.transaction() as session:
            self._check(staff, Operation.INTAKE_STATUS, session)
            intake = decisions.intake_named(session, intake_id)
            return ProceedAnswer(intake.id, decisions.proceed_reason(session, intake))

    def intake_queue(self, staff: StaffSession, kiosk_id: str) -> list[queue.QueueRow]:
        """Today's (UTC, by the service's clock) intakes at ``kiosk_id``: states for an officer, only may
        proceed and why not for an intake worker (:mod:`enrollment.access.queue`)."""
        now = self.clock()
        with self.store.transaction() as session:
            self._check(staff, Operation.INTAKE_STATUS, session)
            day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
            return queue.rows(session, staff.role, kiosk_id=kiosk_id, day_start=day_start)

    # -- the technician -----------------------------------------------------------------------------------

    def technician_status(self, staff: StaffSession) -> TechnicianStatus:
        """Key versions and record counts: no personal data."""
        ring = self.store.cipher.keyring
        with self.store.transaction() as session:
            self._check(staff, Operation.TECHNICIAN_STATUS, session)
            counts = {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                      for model in (Intake, CaptureRow, IdentificationResult)}
            active = dict(session.execute(select(StaffAccount.role, func.count()).where(StaffAccount.disabled == 0)
                                          .group_by(StaffAccount.role)).all())
        return TechnicianStatus(ring.demo, ring.sealing, ring.master_version,
                                {p.value: ring.current(p).version for p in Purpose if ring.keys.get(p)}, counts,
                                {role.value: active.get(role.value, 0) for role in Role},
                                sum(1 for _ in self.log.entries()))

    def rotate_keys(self, staff: StaffSession, *, passphrase: str | None = None) -> KeyRotation:
        """A new master key and a new version of every data key, as ``zuil keys rotate`` without options makes
        them and audited as it audits them (actor: the technician's account); the record store goes on with the
        new key ring, so new writes use the newest versions. ``passphrase`` opens a passphrase-sealed key file
        (the new master key is sealed by the same passphrase); demo keys and a TPM need none."""
        with self.store.transaction() as session:
            actor = self._check(staff, Operation.ROTATE_KEYS, session)
        old = self.store.cipher.keyring
        ring = rotate_audited(self.log, old.path.parent, Secrets(passphrase=None if passphrase is None
                                                                 else lambda: passphrase),
                              master=True, purposes=list(Purpose), actor=actor)
        self.store.cipher.keyring = ring
        return KeyRotation(ring.master_version, {p.value: ring.current(p).version for p in Purpose}, self.clock())

    # -- accounts (the technician, or the command line) ---------------------------------------------------

    def add_account(self, by: Principal, name: str, role: Role, secret: str) -> accounts.AccountInfo:
        """A new account (audited); the name and the PIN or password are checked against the rules first."""
        parsed_name, parsed_secret, role = credentials.parse_account_name(name), credentials.parse_secret(secret), \
            Role(role)
        with self.store.transaction() as session:
            actor = self._check(by, Operation.MANAGE_ACCOUNTS, session)
            row = accounts.add(session, parsed_name, role, parsed_secret, now=self.clock())
            self.log.append(Kind.ACCOUNT_CHANGE, actor=actor, subject=row.id,
                            details={"change": "added", "role": role.value, "secret_kind": parsed_secret.kind.value})
            return accounts.AccountInfo.of(row)

    def list_accounts(self, by: Principal) -> list[accounts.AccountInfo]:
        with self.store.transaction() as session:
            self._check(by, Operation.MANAGE_ACCOUNTS, session)
            return accounts.every(session)

    def disable_account(self, by: Principal, name: str) -> accounts.AccountInfo:
        """Disable the account ``name`` (audited): it cannot log in, and its open sessions are refused."""
        with self.store.transaction() as session:
            actor = self._check(by, Operation.MANAGE_ACCOUNTS, session)
            row = accounts.named(session, name)
            changed = accounts.disable(session, row, now=self.clock())
            self.log.append(Kind.ACCOUNT_CHANGE, actor=actor, subject=row.id,
                            details={"change": "disabled" if changed else "already-disabled"})
            return accounts.AccountInfo.of(row)
