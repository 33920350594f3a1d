"""The ANSI/NIST-ITL 1-2011 export of an intake, read back with ``nistitl``: every record and field, the minutiae
against the stored templates (coordinates unchanged, angles in 2-degree steps), the WSQ images decoded back; and
what is left out (a template without minutiae, a finger without image, a failed capture, the lesser impression)."""

from __future__ import annotations

import math
import os
import stat
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest
from nistitl import Message

from enrollment.audit.entries import Kind, decode
from enrollment.audit.errors import EntryRefused
from enrollment.exchange.nist_export import export_nist
from enrollment.exchange.nist_finger_records import minutia_angle
from enrollment.exchange.nist_transaction import NistFieldRefused
from enrollment.imaging.decode import load_image
from enrollment.records.consents import UnknownIntake
from enrollment.subject_access import ExportFileExists
from enrollment.template import Template, serialize
from tests.enrollment.exchange.synthetic_intake import Capture, capture_of, store_intake, synthetic_print

CEST = timezone(timedelta(hours=2))
NOW = datetime(2026, 7, 1, 0, 30, tzinfo=CEST)  # 30 June in UTC: the local date is the one written


def export(store, log, intake_id, out, **kw):
    return export_nist(store, log, intake_id, out, originating="zuil-export-01", destination="AVIM",
                       destination_name="Vreemdelingenpolitie", now=NOW, actor="desk", **kw)


def read(path) -> Message:
    message = Message()
    message.parse(path.read_bytes())
    return message


def records(message: Message, kind: int) -> list:
    return list(message.iter(kind))


def angle_error_degrees(mav: int, radians: float) -> float:
    diff = (mav * 2 - math.degrees(radians)) % 360
    return min(diff, 360 - diff)


def test_minutia_angle_converts_radians_to_two_degree_steps_in_the_same_sense():
    # counter-clockwise as seen on the image in both: pointing up the image (pi/2) is 90 degrees, step 45
    radians = np.radians([0.0, 90.0, 180.0, 270.0, 3.0, 358.0, 359.5])
    assert minutia_angle(radians).tolist() == [0, 45, 90, 135, 2, 179, 0]


def test_export_reads_back_with_every_record_and_field(store, log, tmp_path):
    intake_id = store_intake(store, [capture_of(7), capture_of(2)], v_number="1234567890")
    out = tmp_path / "intake.an2"
    done = export(store, log, intake_id, out)
    assert (done.minutiae_records, done.image_records, done.v_number) == (2, 2, True)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600

    message = read(out)
    t1 = message[0]
    assert (t1.VER, t1.TOT, t1.DAT, t1.DAI, t1.ORI) == ("0500", "LVVINTAKE", "20260701", "AVIM", "zuil-export-01")
    tcn = intake_id.replace("-", "")
    assert (t1.TCN, t1.TCN.isalnum()) == (tcn, True)
    assert (t1.NSR, t1.NTR, t1.GMT) == ("00.00", "19.69", "20260630223000Z")
    assert t1.DOM == [["AANMELDZUIL", "1"]]
    assert t1._17 == [["Vreemdelingenpolitie", "LVV Utrecht"]]
    assert t1.CNT == [["1", "5"], ["2", "0"], ["9", "1"], ["9", "2"], ["14", "1"], ["14", "2"]]

    t2 = message[(2, 0)]
    started = datetime.now(UTC).astimezone(CEST).strftime("%Y%m%d")
    assert (t2._3, t2._4, t2._5, t2._6, t2._7) == (intake_id, "utrecht", started, "zuil-utrecht-01", "1234567890")

    for idc, finger in ((1, 2), (2, 7)):
        made = synthetic_print(finger)
        t9 = message[(9, idc)]
        template = made.template
        assert (t9._3, t9._4, t9._134, t9._133) == ("0", "U", str(finger), "0")
        assert t9._126 == [["27", "513", "00000000"]] and t9._127 == [["NONE", "0"]]
        assert (t9._128, t9._129, t9._130, t9._131, t9._132) == (
            str(template.width), str(template.height), "1", "500", "500")
        assert t9._135 == str(template.quality)
        assert t9._136 == str(len(template)) and len(template) > 10
        fmd = [[int(v) for v in minutia] for minutia in t9._137]
        assert [m[0] for m in fmd] == list(range(1, len(template) + 1))
        assert [[m[1], m[2]] for m in fmd] == template.positions.tolist()  # pixels, same origin and axes
        assert all(0 <= m[3] <= 179 for m in fmd)
        assert max(angle_error_degrees(m[3], a) for m, a in zip(fmd, template.directions, strict=True)) <= 1.0
        assert [m[4] for m in fmd] == template.kinds.tolist()
        assert [m[5] for m in fmd] == template.reliability.tolist()

        t14 = message[(14, idc)]
        height, width = made.image.shape
        expected = ("0", "zuil-export-01", started, str(finger), str(width), str(height), "1", "500", "500",
                    "WSQ20", "8")
        fields = ("IMP", "SRC", "FCD", "FGP", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "BPX")
        assert tuple(getattr(t14, name) for name in fields) == expected
        assert t14[22] is None and t14[24] is None  # no NFIQ 1 score, no registered quality algorithm
        decoded = load_image(t14.DATA)
        assert decoded.format == "WSQ" and decoded.array.shape == made.image.shape
        error = np.abs(decoded.array.astype(int) - made.image.astype(int)).mean()
        assert error < 8, error  # lossy, but the same print

    entries = [decode(e.data) for e in log.entries()]
    assert [(e.kind, e.subject, e.actor) for e in entries] == [(Kind.EXPORT, intake_id, "desk")]
    assert dict(entries[0].details) == {"format": "ansi-nist-itl-1-2011", "destination": "AVIM",
                                        "minutiae_records": 2, "image_records": 2, "v_number": True}


def test_no_minutiae_no_image_failed_capture_and_lesser_impression_give_no_record(store, log, tmp_path):
    empty = serialize(Template.create(width=300, height=400, positions=[], directions=[], quality=5,
                                      finger_position=2))
    lesser, better = capture_of(7, impression=1, image=False, quality=40), capture_of(7, image=False, quality=70)
    intake_id = store_intake(store, [
        Capture(2, 5, empty, capture_of(2).image),  # an image, a template without minutiae
        lesser, better,  # templates only; the better one is exported
        Capture(3, 0, None, None, failure="no usable print after 3 failed attempts"),
    ])
    out = tmp_path / "intake.an2"
    done = export(store, log, intake_id, out)
    assert (done.minutiae_records, done.image_records, done.v_number) == (1, 1, False)

    message = read(out)
    assert message[0].CNT == [["1", "3"], ["2", "0"], ["9", "2"], ["14", "1"]]
    assert message[(2, 0)][7] is None  # no V-number given: none written
    assert message[(14, 1)].FGP == "2"
    t9 = message[(9, 2)]
    assert t9._134 == "7" and t9._135 == str(synthetic_print(7).template.quality) and t9._135 != "40"
    assert t9._136 == str(len(synthetic_print(7).template))


def test_intake_without_prints_is_type_1_and_2_only(store, log, tmp_path):
    intake_id = store_intake(store, [], v_number="2345678901")
    export(store, log, intake_id, tmp_path / "intake.an2")
    message = read(tmp_path / "intake.an2")
    assert message[0].CNT == [["1", "1"], ["2", "0"]] and message[0].NTR == "00.00"
    assert message[(2, 0)]._7 == "2345678901"


def test_unknown_intake_and_existing_file_are_refused_and_not_logged(store, log, tmp_path):
    with pytest.raises(UnknownIntake, match="no intake 'nope'"):
        export(store, log, "nope", tmp_path / "a.an2")
    intake_id = store_intake(store, [])
    taken = tmp_path / "taken.an2"
    taken.write_bytes(b"kept")
    with pytest.raises(ExportFileExists):
        export(store, log, intake_id, taken)
    assert taken.read_bytes() == b"kept" and not (tmp_path / "a.an2").exists()
    assert list(log.entries()) == []


@pytest.mark.parametrize("destination", ["", "Politie\u00e9", "AVIM\x1e1", "AVIM\n"])
def test_a_text_that_is_not_printable_ascii_is_refused_and_nothing_written(store, log, tmp_path, destination):
    intake_id = store_intake(store, [])
    with pytest.raises(NistFieldRefused, match=r"the destination .* is not printable ASCII"):
        export_nist(store, log, intake_id, tmp_path / "a.an2", originating="zuil-export-01", destination=destination,
                    destination_name="AVIM", now=NOW, actor="desk")
    assert not (tmp_path / "a.an2").exists() and list(log.entries()) == []


def test_an_export_the_audit_log_refuses_is_not_left_behind(store, log, tmp_path):
    intake_id = store_intake(store, [capture_of(2)])
    with pytest.raises(EntryRefused, match="V-number"):  # a destination typed like a V-number is not logged
        export_nist(store, log, intake_id, tmp_path / "a.an2", originating="zuil-export-01", destination="1234567890",
                    destination_name="AVIM", now=NOW, actor="desk")
    assert not (tmp_path / "a.an2").exists() and list(log.entries()) == []
