"""``zuil export nist``: one intake written as an ANSI/NIST-ITL 1-2011 transaction for the police systems
(:mod:`.nist_transaction`), to a new file (0600, atomically), and the export logged in the audit log.

The sealed fields are opened with the kiosk's keys: the V-number, and per finger the kept impression of the
highest quality (the earliest of equals) with its template and, where one was kept, its raw image (decoded by
:func:`enrollment.imaging.decode.load_image`, brought to 500 ppi). A finger whose captures failed gives no record.
The audit entry (kind ``export``) names the intake and counts the records; it holds no V-number and no biometrics.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
from sqlalchemy.orm import Session

from enrollment.atomic_files import write_bytes_atomically
from enrollment.audit import events
from enrollment.audit.log_store import AuditLog
from enrollment.errors import ImageError, StorageError
from enrollment.exchange.nist_transaction import FingerExport, IntakeExport, transaction
from enrollment.imaging.decode import load_image
from enrollment.imaging.normalise import normalise_resolution
from enrollment.records.consents import UnknownIntake
from enrollment.records.intake_reads import capture_image, capture_template, vnumber_of
from enrollment.records.models import CaptureRow, Intake, LocationRow
from enrollment.records.purge import as_utc
from enrollment.records.store import RecordStore
from enrollment.subject_access import ExportFileExists
from enrollment.template import deserialize

FORMAT = "ansi-nist-itl-1-2011"


@dataclass(frozen=True)
class NistExport:
    path: Path
    intake_id: str
    minutiae_records: int  # Type-9
    image_records: int  # Type-14
    v_number: bool  # whether Type-2 holds a V-number


def export_nist(store: RecordStore, log: AuditLog, intake_id: str, out: Path, *, originating: str,
                destination: str, destination_name: str, now: datetime, actor: str) -> NistExport:
    """Write intake ``intake_id`` to ``out`` as a transaction, then log the export; ``now`` is an aware time."""
    out = Path(out)
    if out.exists():
        raise ExportFileExists(f"{out} exists; an ANSI/NIST export is written to a new file")
    with store.transaction() as session:
        intake = session.get(Intake, intake_id)
        if intake is None:
            raise UnknownIntake(f"no intake {intake_id!r} in the record")
        opened = _intake(session, intake)
        fingers = [_finger(session, capture) for capture in _best_captures(intake.captures)]
    data = transaction(opened, fingers, originating=originating, destination=destination,
                       destination_name=destination_name, now=now)
    done = NistExport(out, intake_id, sum(f.template is not None and len(f.template) > 0 for f in fingers),
                      sum(f.image is not None for f in fingers), opened.v_number is not None)
    try:
        write_bytes_atomically(out, data)
    except OSError as exc:
        raise StorageError(f"cannot write the ANSI/NIST export to {out}: {exc.strerror or exc}") from exc
    try:
        events.data_export(log, intake_id, actor=actor, details={
            "format": FORMAT, "destination": destination, "minutiae_records": done.minutiae_records,
            "image_records": done.image_records, "v_number": done.v_number})
    except BaseException:
        out.unlink(missing_ok=True)  # not logged: not left behind
        raise
    return done


def _intake(session: Session, intake: Intake) -> IntakeExport:
    location = session.get(LocationRow, intake.location_id)
    v_number = vnumber_of(session, intake)
    return IntakeExport(intake.id, intake.location_id, location.name if location else intake.location_id,
                        intake.kiosk_id, as_utc(intake.started_at), str(v_number) if v_number else None)


def _best_captures(captures: list[CaptureRow]) -> list[CaptureRow]:
    """Per finger, the kept impression (a template or an image) of the highest quality, the earliest of equals."""
    best: dict[int, CaptureRow] = {}
    kept = [c for c in captures if c.template_sealed is not None or c.image_sealed is not None]
    for capture in sorted(kept, key=lambda c: (-c.quality, as_utc(c.captured_at), c.id)):
        best.setdefault(capture.finger_position, capture)
    return [best[position] for position in sorted(best)]


def _finger(session: Session, capture: CaptureRow) -> FingerExport:
    native = capture_template(session, capture)
    image = capture_image(session, capture)
    return FingerExport(capture.finger_position, deserialize(native) if native is not None else None,
                        _pixels(image, capture) if image is not None else None, as_utc(capture.captured_at))


def _pixels(image: bytes, capture: CaptureRow) -> np.ndarray:
    """The kept image at 500 ppi (its resolution read from the image, 500 where it says none)."""
    try:
        return np.asarray(normalise_resolution(load_image(image)).array)
    except ImageError as exc:  # it names the image only as "image bytes": say which capture
        raise ImageError(f"the raw image of capture {capture.id} (finger {capture.finger_position}): {exc}") from exc
