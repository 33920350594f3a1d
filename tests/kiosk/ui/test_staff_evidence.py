"""The officer's side-by-side evidence through the window over the real stack: the returning person (planted in
the demo gallery from other impressions of the same synthetic fingers) is a hit; the officer opens the top
candidate's prints, sees both prints with the matcher's pairs joined by lines, and the view is audited; the intake
worker reaches no prints, neither on the screen nor through the service."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from enrollment.access.errors import RoleRefused
from enrollment.audit.entries import Kind
from enrollment.records.receipt_code import receipt_code
from enrollment.records.receipt_code import shown as shown_code
from enrollment.records.vocabulary import IdentificationDecision
from kiosk.ui.widgets.print_pair import GAP_MM, PAIR_COLOURS
from tests.kiosk.ui.conftest import tap
from tests.kiosk.ui.test_staff_mode import PIN, add_accounts, audit, log_in, on_engine, returning_intake


def _gap_colours(pair) -> set[str]:  # type: ignore[no-untyped-def]
    """The colours drawn in the gap between the two prints (only the lines joining pairs cross it)."""
    image = pair.grab().toImage()
    gap = pair.theme.mm(GAP_MM)
    x = round((image.width() - gap) / 2 + gap / 2)
    return {QColor(image.pixel(x, y)).name() for y in range(image.height())}


def test_the_officer_opens_the_top_candidates_prints_side_by_side(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    add_accounts(parts)
    number = returning_intake(qtbot, window)
    log_in(qtbot, window, "officer", PIN["officer"])
    tap(qtbot, next(w for w in window.staff_queue.row_widgets if shown_code(receipt_code(number)) in w.text()))
    assert len(window.staff_intake.prints_buttons) == len(window.staff_intake.candidate_labels)
    assert window.staff_intake.prints_buttons[0].text() == "Toon de afdrukken naast elkaar"
    tap(qtbot, window.staff_intake.prints_buttons[0])
    view = window.staff_evidence
    assert window.stack.currentWidget() is view and view.title.text() == "Afdrukken naast elkaar"
    shown = view.evidence
    assert shown.rank == 1 and shown.intake_id == number and len(shown.fingers) == len(view.pairs) == 2
    for pair, finger in zip(view.pairs, shown.fingers, strict=True):
        assert pair.pair_count == len(finger.explanation.pairs) == finger.explanation.divisor
        assert pair.probe.template is finger.probe.template and pair.gallery.template is finger.gallery.template
        assert round(finger.score, 4) == shown.recorded["per_finger_mcc"][str(finger.finger_position)]
        assert pair.isVisible() and pair.height() >= pair.theme.mm(100)
        assert set(PAIR_COLOURS) & _gap_colours(pair)  # the lines are drawn across from one print to the other
    texts = [label.text() for label in view.findChildren(type(view.title)) if label.text()]
    assert any(t.startswith("1. persoon ") and "minder dan één keer voor op een miljard" in t for t in texts)
    assert any(t.startswith("rechterwijsvinger: matcherscore ") for t in texts)
    viewed = [e for e in audit(parts) if e.kind is Kind.EVIDENCE_VIEW]
    assert [(e.subject, e.details.get("view")) for e in viewed] == [(number, None), (number, "prints-side-by-side")]
    tap(qtbot, view.back_button)
    assert window.stack.currentWidget() is window.staff_intake
    tap(qtbot, window.staff_intake.logout_button)
    assert view.evidence is None and view.pairs == []


def test_the_intake_worker_reaches_no_prints(qtbot, kiosk):
    window, parts = kiosk(returning=True)
    add_accounts(parts)
    number = returning_intake(qtbot, window)
    log_in(qtbot, window, "officer", PIN["officer"])
    tap(qtbot, next(w for w in window.staff_queue.row_widgets if shown_code(receipt_code(number)) in w.text()))
    hit = next(r for r in window.staff_intake.evidence.identifications if r.decision is IdentificationDecision.HIT)
    person = hit.candidates[0]["person_id"]
    tap(qtbot, window.staff_intake.logout_button)
    log_in(qtbot, window, "worker", PIN["worker"])
    assert window.stack.currentWidget() is window.staff_queue and window.staff_intake.prints_buttons == []
    session = window.staff_session
    with pytest.raises(RoleRefused, match="intake_worker role may not view evidence"):
        on_engine(parts, lambda service: service.view_match_evidence(session, number, person))
    assert [e.details.get("view") for e in audit(parts) if e.kind is Kind.EVIDENCE_VIEW] == [None]


def test_a_kept_image_is_drawn_under_its_minutiae_and_without_one_the_minutiae_alone(qtbot):
    from kiosk.ui import staff_samples
    from kiosk.ui.staff.evidence import EvidenceView
    from kiosk.ui.theme import Theme

    view = EvidenceView(Theme())
    qtbot.addWidget(view)
    view.resize(*view.theme.size_px)
    shown = staff_samples.match_evidence()  # the first finger's images kept, the second's not
    view.show_match(shown)
    view.show()
    with_image, without = view.pairs
    assert with_image.probe.image.shape == (with_image.probe.template.height, with_image.probe.template.width)
    assert with_image.gallery.image is not None and without.probe.image is None and without.gallery.image is None
    assert [p.pair_count for p in view.pairs] == [len(f.explanation.pairs) for f in shown.fingers]
    drawn = with_image.grab().toImage()
    grey = {QColor(drawn.pixel(x, drawn.height() // 2)).name() for x in range(0, drawn.width() // 2, 3)}
    assert len(grey) > 20  # the ridges of the image, not a blank card


def test_a_strong_candidate_is_told_in_words_not_as_a_seventeen_digit_number(qtbot):
    from kiosk.ui.staff.intake import BILLION_SEARCHES, candidate_sentence

    strong = candidate_sentence(1, "p", 16.37)
    assert "less than once in a billion searches" in strong and "," not in strong.split("score")[1]
    assert "about once in 1\u202f000 searches" in candidate_sentence(2, "p", 3.0)  # read alike in nl and en
    assert "billion" in candidate_sentence(1, "p", BILLION_SEARCHES)
