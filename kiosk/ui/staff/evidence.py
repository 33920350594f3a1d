"""One candidate's prints beside the intake's, finger by finger, for the officer: the minutiae the matcher paired
joined by lines, each finger's matcher score and the fused score in words, as the intake view gives it. Reached
only through the access service's audited view of a candidate's prints
(:meth:`~enrollment.access.service.AccessService.view_match_evidence`)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from enrollment.access.match_evidence import MatchEvidence, PrintEvidence
from enrollment.imaging import load_image
from kiosk.ui.finger_names import finger_name
from kiosk.ui.staff.intake import candidate_sentence
from kiosk.ui.staff.view import StaffView
from kiosk.ui.widgets.print_pair import PrintPair, Side
from kiosk.ui.widgets.touch_button import TouchButton


def side_of(shown: PrintEvidence) -> Side:
    """The print as drawn: its template, and its image decoded where one was kept."""
    return Side(shown.template, None if shown.image is None else load_image(shown.image).array)


class EvidenceView(StaffView):
    name = "staff-evidence"
    back = Signal()

    def __init__(self, theme) -> None:  # type: ignore[no-untyped-def]
        super().__init__(theme)
        self.evidence: MatchEvidence | None = None
        self.pairs: list[PrintPair] = []
        self.back_button = TouchButton("secondary")
        self.back_button.setMinimumHeight(theme.touch_target)
        self.back_button.clicked.connect(self.back.emit)
        self.layout().insertWidget(self.layout().count() - 1, self.back_button)
        self.retranslate()

    def show_match(self, evidence: MatchEvidence | None) -> None:
        self.evidence = evidence
        self._fill()

    def _fill(self) -> None:
        self.clear_body()
        self.pairs = []
        if self.evidence is None:
            return
        recorded = self.evidence.recorded
        fused = float(recorded["fused_neg_log10_fmr"])
        self.text_label(candidate_sentence(self.evidence.rank, self.evidence.person_id, fused))
        self.text_label(self.tr("Left: this intake's print. Right: the candidate's print. Lines join the minutiae "
                                "the matcher paired; a tick shows each minutia's direction, a circle marks a ridge "
                                "ending, a square a bifurcation."))
        if not self.evidence.fingers:
            self.text_label(self.tr("No finger could be compared."))
        for finger in self.evidence.fingers:
            self.text_label(self.tr("{0}: matcher score {1:.3f} from {2} paired minutiae.").format(
                finger_name(finger.finger_position), finger.score, len(finger.explanation.pairs)))
            pair = PrintPair(self.theme)
            pair.show_pair(side_of(finger.probe), side_of(finger.gallery),
                           tuple((p.probe, p.gallery) for p in finger.explanation.pairs))
            self.body.addWidget(pair)
            self.pairs.append(pair)
        self.body.addStretch(1)

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Prints side by side"))
        self.back_button.setText(self.tr("Back to the candidates"))
        self._fill()
