"""The retention table: every datum the kiosk stores, why, on what legal basis, and how long (one row each).

The retention of each row is a ``[retention]`` settings key (:class:`~enrollment.settings.RetentionSettings`,
defaults in :func:`markdown_table`) or a fixed rule; ``enforced`` says what removes it: ``zuil purge``
(:mod:`enrollment.records.purge`, the rule named) or nothing (and why). The README's table is
:func:`markdown_table`, checked against it by ``tests/enrollment/records/test_retention_policy.py``.

No record is crypto-shredded: the data keys are one per purpose and key version, not one per record, so destroying
a key would destroy every record sealed with it. A purge deletes the sealed rows; on SQLite ``secure_delete``
zeroes their pages and the WAL is checkpointed and truncated after the purge, so the deleted ciphertext does not
stay in the files. On PostgreSQL a deleted row's bytes stay in the table's files until the server reuses the space
(``VACUUM FULL`` rewrites them; the purge does not run it).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from enrollment.settings import RetentionSettings

CONSENT_BASIS = "GDPR art. 9(2)(a): the participant's explicit consent"
INTAKE_BASIS = "GDPR art. 6(1)(e): the LVV's public task (the intake)"
PROOF_BASIS = "GDPR art. 7(1) and 5(2): showing what was consented to or refused"
SECURITY_BASIS = "GDPR art. 5(2) and 32: accountability and security of processing"


@dataclass(frozen=True)
class Datum:
    what: str
    stored: str  # table and columns (or file)
    purpose: str
    basis: str
    retention: str  # ``{key}`` names a RetentionSettings field, filled with its value
    enforced: str


TABLE: tuple[Datum, ...] = (
    Datum("fingerprint templates", "`captures.template_sealed`",
          "1:N search for a person enrolled before; 1:1 check of a V-number", CONSENT_BASIS,
          "{biometrics_days} days from the intake's start; at once after consent is withdrawn",
          "`zuil purge`: rules `intake-retention`, `withdrawn-prints`"),
    Datum("gallery sketches (derived from the templates)", "`captures.sketch_sealed`",
          "building the 1:N search index without computing them again", CONSENT_BASIS,
          "as the template they were computed from", "`zuil purge`: rules `intake-retention`, `withdrawn-prints`"),
    Datum("kept raw images", "`captures.image_sealed`",
          "re-extraction; Type-14 of `zuil export nist`; stored only where `keep_raw_images` is set", CONSENT_BASIS,
          "{raw_images_days} days from capture", "`zuil purge`: rule `raw-images`"),
    Datum("capture facts", "`captures` (finger, quality, device, failure reason, time)",
          "showing how the prints were taken", INTAKE_BASIS, "with its intake: {biometrics_days} days",
          "`zuil purge`: rule `intake-retention`"),
    Datum("V-number and its HMAC", "`intakes.v_number_sealed`, `intakes.v_number_hmac`",
          "finding the prints held for a V-number", INTAKE_BASIS, "with its intake: {biometrics_days} days",
          "`zuil purge`: rule `intake-retention`"),
    Datum("person linkage", "`intakes.person_sealed`, `persons`",
          "joining one person's intakes (pseudonymous id)", INTAKE_BASIS,
          "with its intake: {biometrics_days} days; a person with no intake left goes with the last one",
          "`zuil purge`: rule `intake-retention`"),
    Datum("intake record", "`intakes` (location, kiosk, status, times, outcome)", "the intake itself",
          INTAKE_BASIS, "{biometrics_days} days from its start", "`zuil purge`: rule `intake-retention`"),
    Datum("identification results", "`identification_results` (candidates sealed)",
          "the officer's review of a hit", INTAKE_BASIS, "with its intake: {biometrics_days} days",
          "`zuil purge`: rule `intake-retention`"),
    Datum("officer decisions, contra-indications",
          "`officer_decisions` (reason in `reason_sealed`), `contra_indications` (note in `note_sealed`)",
          "who decided what on the intake", INTAKE_BASIS, "with its intake: {biometrics_days} days",
          "`zuil purge`: rule `intake-retention`"),
    Datum("four-eyes confirmations", "`decision_confirmations` (deciding and confirming officer, times)",
          "a second officer's confirmation of an override of a duplicate hit", INTAKE_BASIS,
          "with its decision's intake: {biometrics_days} days", "`zuil purge`: rule `intake-retention`"),
    Datum("consent records and signatures",
          "`consent_records` (strokes in `signature_sealed`, a refusal's or withdrawal's reason in `reason_sealed`)",
          "proof of the consent the prints rest on", PROOF_BASIS, "with its intake: {biometrics_days} days",
          "`zuil purge`: rule `intake-retention`"),
    Datum("refusal records", "`consent_records` of an intake with a refusal and no consent",
          "proof that no prints were taken", PROOF_BASIS, "{refused_consent_days} days from the refusal",
          "`zuil purge`: rule `refused-consent`"),
    Datum("withdrawals queued for upstream", "`consent_reports_pending`", "telling upstream of a withdrawal",
          PROOF_BASIS, "with its intake (the report itself travels as a `withdrawal` envelope in the outbox)",
          "`zuil purge` with the intake"),
    Datum("purge markers", "`consent_purges`", "letting a purge's delete past the consent records' triggers",
          "none needed", "empty outside a purge's transaction", "the purge itself"),
    Datum("gallery generation", "`gallery_generation` (one counter)",
          "telling the kiosk whether its kept 1:N index is still the record's gallery (no personal data)",
          "none needed", "as long as the record", "not deleted"),
    Datum("deletion receipts", "`deletion_receipts` (rule, counts, intake ids, time)",
          "telling upstream what was deleted and when", SECURITY_BASIS,
          "as long as the record: the proof of each purge (the ids it names are of intakes no longer held)",
          "not deleted; each is queued upstream as a `deletion` envelope in the purge's own transaction"),
    Datum("audit log", "`audit.sqlite3` (entries, signed checkpoints)",
          "who did what to which case; proof of the chain", SECURITY_BASIS, "{audit_days} days",
          "not deleted: the log is append-only and hash-chained; `zuil purge` counts the entries past it"),
    Datum("key file and key checks", "`kiosk.keys`, `key_checks`", "sealing and opening the record",
          SECURITY_BASIS, "as long as a record sealed with a key version is kept",
          "not deleted: a rotation keeps old versions"),
    Datum("staff accounts", "`staff_accounts` (name, role, sealed Argon2id hash, lockout counters, times)",
          "logging staff in and naming them in the audit log", SECURITY_BASIS,
          "while the account exists; a disabled account is kept so the audit log's actor ids keep their meaning",
          "not deleted: `zuil accounts disable` ends its use"),
    Datum("locations", "`locations`", "site configuration (no personal data)", "none needed",
          "as configured", "not deleted"),
    Datum("outbox envelopes", "`outbox_envelopes` (signed envelopes; templates, V-number, person id, decisions' "
          "reasons and contra-indications sealed to the upstream's key), `outbox_heads` (each kiosk's chain head), "
          "`upload_state` (the uploader's backoff, last success and last error)",
          "reporting every record to AVIM, in order and tamper-evident", INTAKE_BASIS,
          "queued until delivered upstream (`zuil sync run`); a delivered one is kept with the upstream's receipt "
          "(nothing deletes it)",
          "not deleted: the schema refuses to go back over queued envelopes; a purge leaves them (no foreign key)"),
    Datum("gallery feed", "`feed_persons` (origin kiosk, sealed person id, origin location), `feed_prints` "
          "(templates sealed with the gallery key), `feed_cursor` (the feed's cursor held)",
          "finding a person enrolled at another LVV in the 1:N search", INTAKE_BASIS,
          "until the upstream's feed withdraws the person (`zuil sync feed`); the purge does not reach them",
          "deleted with the withdrawal entry of the feed, in the transaction that applies it"),
    Datum("the intake in progress", "`<data dir>/pending-intake` (one snapshot of the flow: language, consent, "
          "V-number, templates and images, sealed with the gallery key and bound to the kiosk's id)",
          "going on with an intake after the kiosk restarted", INTAKE_BASIS,
          "while the intake runs; one older than `RESUME_WITHIN_S` (kiosk/pending_intake.py) is not resumed",
          "removed when the intake is stored or given up, and at the next start when too old or unreadable"),
    Datum("the kiosk's recent log", "`<data dir>/kiosk-log.txt` (its last warnings and errors, digit runs masked, "
          "exceptions by type only: no personal data)", "the technician's view and `zuil status --json`",
          SECURITY_BASIS, "its last `CAPACITY` lines (kiosk/recent_log.py)", "rewritten with each new line"),
)


def retention_text(datum: Datum, settings: RetentionSettings) -> str:
    return datum.retention.format(**{f.name: getattr(settings, f.name) for f in fields(RetentionSettings)})


def markdown_table(settings: RetentionSettings | None = None) -> str:
    """The table in Markdown, with the retention days of ``settings`` (the defaults when None)."""
    settings = settings or RetentionSettings()
    lines = ["| datum | stored in | purpose | legal basis | retention | removed by |", "|---|---|---|---|---|---|"]
    lines += [f"| {d.what} | {d.stored} | {d.purpose} | {d.basis} | {retention_text(d, settings)} | {d.enforced} |"
              for d in TABLE]
    keys = ", ".join(f"`{f.name}` = {getattr(settings, f.name)}" for f in fields(RetentionSettings))
    return "\n".join([*lines, "", f"Days are the `[retention]` settings ({keys}); 0 means removed at the next purge."])
