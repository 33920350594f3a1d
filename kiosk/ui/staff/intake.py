"""One intake as the officer sees it: the V-number check's outcome, then the candidates of its latest 1:N hit
ranked, each with the fused score, what that score means in words, and where (and, when this kiosk's record knows
it, since when) the candidate is enrolled. Reached only through the access service's evidence view (audited)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel

from enrollment.access.summary import BILLION_SEARCHES, searches_per_false_match
from enrollment.access.views import CandidateEnrollment, Evidence
from enrollment.records.vocabulary import IdentificationDecision
from kiosk.ui.staff.decision import DecisionPanel
from kiosk.ui.staff.view import StaffView, breakable
from kiosk.ui.widgets.touch_button import TouchButton


def candidate_sentence(rank: int, person_id: str, fused: float) -> str:
    """The officer's sentence for one candidate: the fused score and what it means in words (translated in the
    intake view's context, which the evidence view shares)."""
    if fused >= BILLION_SEARCHES:
        return QCoreApplication.translate(
            "IntakeView", "{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once "
                          "in a billion searches.").format(rank, breakable(person_id), fused)
    return QCoreApplication.translate(
        "IntakeView", "{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once "
                      "in {3} searches.").format(rank, breakable(person_id), fused,
                                                 grouped(searches_per_false_match(fused)))


def grouped(number: int) -> str:
    """``number`` with its thousands set apart by a narrow no-break space (ISO 80000; read alike in Dutch and
    English, where a comma or a point would mean the opposite)."""
    return f"{number:,}".replace(",", "\u202f")


def enrollment_sentence(enrolled: CandidateEnrollment | None) -> str:
    """Where the candidate is enrolled and, for a person enrolled in this kiosk's own record, since when."""
    if enrolled is not None and enrolled.locations:
        where = ", ".join(enrolled.locations)
    else:
        where = QCoreApplication.translate("IntakeView", "a location not recorded")
    if enrolled is not None and enrolled.first_enrolled is not None:
        return QCoreApplication.translate("IntakeView", "Enrolled at {0}; first enrolled on {1}.").format(
            where, enrolled.first_enrolled.strftime("%Y-%m-%d"))
    return QCoreApplication.translate(
        "IntakeView", "Enrolled at {0}; the gallery feed that brought this person carries no "
                      "date.").format(where)


def vnumber_sentence(evidence: Evidence) -> str:
    """The V-number check's outcome: the latest check against the prints held for the intake's V-number."""
    checks = [r.decision for r in evidence.identifications
              if r.decision in (IdentificationDecision.VNUMBER_CONFIRMED, IdentificationDecision.VNUMBER_MISMATCH)]
    if not checks:
        return QCoreApplication.translate(
            "IntakeView", "V-number check: none (no V-number was given, or no prints are held for it).")
    if checks[-1] is IdentificationDecision.VNUMBER_CONFIRMED:
        return QCoreApplication.translate(
            "IntakeView", "V-number check: the prints match the prints held for this V-number.")
    return QCoreApplication.translate(
        "IntakeView", "V-number check: the prints do NOT match the prints held for this V-number.")


class IntakeView(StaffView):
    name = "staff-intake"
    back = Signal()
    prints_requested = Signal(str)  # a candidate's person id: show their prints beside the intake's
    summary_requested = Signal(str)  # the intake id: export its one-page summary for the file (PDF)

    def __init__(self, theme) -> None:  # type: ignore[no-untyped-def]
        super().__init__(theme)
        self.evidence: Evidence | None = None
        self.candidate_labels: list = []
        self.prints_buttons: list[TouchButton] = []
        self.back_button = TouchButton("secondary")
        self.back_button.setMinimumHeight(theme.touch_target)
        self.back_button.clicked.connect(self.back.emit)
        self.layout().insertWidget(self.layout().count() - 1, self.back_button)
        self.decision = DecisionPanel(theme, self)  # the officer's decision, under the evidence
        self.layout().insertWidget(self.layout().count() - 2, self.decision, 1)
        self.summary_button = TouchButton("secondary")  # the one-page summary for the file, without prints
        self.summary_button.setMinimumHeight(theme.touch_target)
        self.summary_button.clicked.connect(
            lambda _=False: self.evidence is not None and self.summary_requested.emit(self.evidence.intake_id))
        self.layout().insertWidget(self.layout().count() - 2, self.summary_button)
        self.summary_notice = QLabel()  # where the summary went, or why not
        self.summary_notice.setWordWrap(True)
        self.summary_notice.hide()
        self.layout().insertWidget(self.layout().count() - 2, self.summary_notice)
        self.retranslate()

    def show_evidence(self, evidence: Evidence | None) -> None:
        self.evidence = evidence
        self.summary_notice.hide()
        self._fill()

    def show_summary_saved(self, path: str) -> None:
        self.summary_notice.setText(self.tr("Summary saved as {0}").format(path))
        self.summary_notice.show()

    def show_summary_refused(self, reason: str) -> None:
        self.summary_notice.setText(reason)
        self.summary_notice.show()

    def _fill(self) -> None:
        self.clear_body()
        self.candidate_labels = []
        self.prints_buttons = []
        if self.evidence is None:
            return
        self.text_label(self.tr("Intake {0}").format(breakable(self.evidence.intake_id)))
        self.vnumber_label = self.text_label(vnumber_sentence(self.evidence))
        searches = [r for r in self.evidence.identifications if r.decision is IdentificationDecision.HIT]
        latest = searches[-1] if searches else None  # the V-number check's result names no candidate
        if latest is None or not latest.candidates:
            self.candidate_labels.append(self.text_label(self.tr("No candidates.")))
        else:
            for rank, candidate in enumerate(latest.candidates, start=1):
                fused = float(candidate["fused_neg_log10_fmr"])
                self.candidate_labels.append(self.text_label(candidate_sentence(rank, candidate["person_id"], fused)))
                self.text_label(enrollment_sentence(self.evidence.enrollments.get(candidate["person_id"])))
                self.prints_buttons.append(self._prints_button(candidate["person_id"]))
        self.body.addStretch(1)

    def _prints_button(self, person_id: str) -> TouchButton:
        button = TouchButton("secondary")
        button.setMinimumHeight(self.theme.touch_target)
        button.setText(self.tr("Show the prints side by side"))
        button.clicked.connect(lambda _=False: self.prints_requested.emit(person_id))
        self.body.addWidget(button)
        return button

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Candidates, strongest first"))
        self.back_button.setText(self.tr("Back to the queue"))
        self.summary_button.setText(self.tr("Save a one-page summary for the file (PDF)"))
        self._fill()
