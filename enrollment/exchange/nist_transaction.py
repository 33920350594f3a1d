"""One intake as an ANSI/NIST-ITL 1-2011 transaction (traditional encoding, version 0500), built with ``nistitl``.

Records, in this order: Type-1 (the transaction), Type-2 (the intake, in this kiosk's user-defined domain), then
the Type-9 minutiae records and the Type-14 image records of the fingers (:mod:`.nist_finger_records`). A finger's
Type-9 and Type-14 records share its IDC, 1 upwards in finger-position order.

Type-1: 1.002 VER 0500; 1.004 TOT :data:`TRANSACTION_TYPE`; 1.005 DAT the export's date; 1.007 DAI the
destination agency given; 1.008 ORI the exporting kiosk's id; 1.009 TCN the intake id's 32 hexadecimal digits
(TCN allows letters and digits only; Type-2 has the id as written); 1.011 NSR 00.00 (no Type-4 records); 1.012 NTR
19.69 pixels per millimetre (500 ppi) when a Type-14 record is present, else 00.00; 1.013 DOM :data:`DOMAIN`
version :data:`DOMAIN_VERSION`; 1.014 GMT the export's time in UTC; 1.017 ANM the destination's and the
location's names. Dates are in the time zone of the export's clock.

Type-2 (fields of the domain :data:`DOMAIN`): 2.003 the intake id, 2.004 the location id, 2.005 the intake's
start date (CCYYMMDD), 2.006 the kiosk that took the intake, 2.007 the V-number, only when one was given. The
V-number is personal data, as are the prints: the file is made for the police systems (AVIM) and for nothing
else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np
from nistitl import AsciiRecord, Message

from enrollment.errors import EnrollmentError
from enrollment.exchange.nist_finger_records import image_record, minutiae_record
from enrollment.template import Template

VERSION = "0500"
TRANSACTION_TYPE = "LVVINTAKE"
DOMAIN = "AANMELDZUIL"
DOMAIN_VERSION = "1"
NO_RESOLUTION = "00.00"
RESOLUTION_500_PPI = "19.69"  # pixels per millimetre


class NistFieldRefused(EnrollmentError):
    """A text for the transaction is not printable ASCII (the 1-2011 traditional encoding's character set for the
    fields written here; a separator character would break the record)."""


@dataclass(frozen=True, eq=False)
class FingerExport:
    """One finger of the intake: its position (ISO/IEC 19794 = ANSI/NIST finger code), template and image (2-D
    uint8 at 500 ppi), either of which may be missing, and when it was captured."""

    position: int
    template: Template | None
    image: np.ndarray | None
    captured_at: datetime


@dataclass(frozen=True)
class IntakeExport:
    """What of an intake the transaction holds, opened."""

    intake_id: str
    location_id: str
    location_name: str
    kiosk_id: str
    started_at: datetime
    v_number: str | None


def transaction(intake: IntakeExport, fingers: Sequence[FingerExport], *, originating: str, destination: str,
                destination_name: str, now: datetime) -> bytes:
    """The transaction's bytes; ``originating`` is the exporting kiosk's id (ORI, 14.004 SRC), ``now`` an aware
    time. Every text written is refused (:class:`NistFieldRefused`) unless it is printable ASCII."""
    for name, value in (("destination", destination), ("destination name", destination_name),
                        ("originating agency", originating), ("location name", intake.location_name),
                        ("location id", intake.location_id), ("kiosk id", intake.kiosk_id),
                        ("intake id", intake.intake_id)):
        if not value or not value.isascii() or not value.isprintable():
            raise NistFieldRefused(f"the {name} {value!r} is not printable ASCII: not written to the transaction")
    message = Message()
    message += _intake_record(intake, now)
    finger_records = []
    for idc, finger in enumerate(sorted(fingers, key=lambda f: f.position), start=1):
        minutiae = minutiae_record(idc, finger.position, finger.template) if finger.template is not None else None
        image = None if finger.image is None else image_record(
            idc, finger.position, finger.image, source_agency=originating, captured=_local(finger.captured_at, now))
        finger_records += [r for r in (minutiae, image) if r is not None]
    for record in sorted(finger_records, key=lambda r: r.type):  # stable: IDC order within a type
        message += record
    _transaction_record(message[0], intake, originating=originating, destination=destination,
                        destination_name=destination_name, now=now,
                        images=any(r.type == 14 for r in finger_records))
    return message.NIST


def _local(moment: datetime, now: datetime) -> date:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # SQLite returns naive UTC
    return aware.astimezone(now.tzinfo).date()


def _transaction_record(record: AsciiRecord, intake: IntakeExport, *, originating: str, destination: str,
                        destination_name: str, now: datetime, images: bool) -> None:
    record.VER = VERSION
    record.TOT = TRANSACTION_TYPE
    record.DAT = now.strftime("%Y%m%d")
    record.DAI = destination
    record.ORI = originating
    record.TCN = intake.intake_id.replace("-", "")
    record.NSR = NO_RESOLUTION
    record.NTR = RESOLUTION_500_PPI if images else NO_RESOLUTION
    record.DOM = [[DOMAIN, DOMAIN_VERSION]]
    record.GMT = now.astimezone(UTC).strftime("%Y%m%d%H%M%SZ")
    record._17 = [[destination_name, intake.location_name]]


def _intake_record(intake: IntakeExport, now: datetime) -> AsciiRecord:
    record = AsciiRecord(2)
    record.IDC = 0
    record._3 = intake.intake_id
    record._4 = intake.location_id
    record._5 = _local(intake.started_at, now).strftime("%Y%m%d")
    record._6 = intake.kiosk_id
    if intake.v_number is not None:
        record._7 = intake.v_number
    return record
