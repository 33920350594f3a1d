"""The officer's decision on an intake, under its evidence: one of three decisions with a reason, the
contra-indication flags for the LSO (ticked by the officer, never by the machine), and four eyes.

``decided(intake id, decision, reason, flags)`` when the officer records a decision; the window records it through
the access service and calls :meth:`DecisionPanel.show_decision`, or :meth:`DecisionPanel.refuse` with the
service's one-line reason. A decision that needs a second officer (an override of a duplicate hit) is shown as
awaiting one, with a button that opens :class:`SecondOfficerOverlay`: a second officer logs in there with name and
PIN to confirm it (the access service refuses the officer who made it, and shows why).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPoint, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from enrollment.access.views import DecisionView
from enrollment.records.vocabulary import ContraIndication, OfficerDecision
from kiosk.ui.overlays import StaffPinOverlay
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.touch_button import TouchButton

CHOICES = (OfficerDecision.SAME_PERSON, OfficerDecision.DIFFERENT_PERSON, OfficerDecision.REFER_TO_LSO)
FLAGS = tuple(ContraIndication)


def _row_label(button: QAbstractButton, theme: Theme) -> QLabel:
    """A word-wrapped label beside ``button``'s indicator that shows its text, so that a long text (in large text)
    takes more lines instead of more width (a button's own text does not wrap)."""
    row = QHBoxLayout(button)
    row.setContentsMargins(theme.mm(7) + theme.mm(3) * 2, 0, 0, 0)  # the indicator and the stylesheet's spacing
    label = QLabel()
    label.setWordWrap(True)
    row.addWidget(label)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)  # a button's own policy is fixed in height: its one line
    button.setSizePolicy(policy)
    return label


class WrappingRow:
    """What a choice row and a flag row share: tapped anywhere on the row (the whole touch target), not only on the
    indicator and the text, and the text in a wrapping label (a mix-in before the Qt button class)."""

    label: QLabel

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))  # type: ignore[attr-defined]

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # type: ignore[attr-defined]


class ChoiceRow(WrappingRow, QRadioButton):
    """A radio button of a decision choice."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.label = _row_label(self, theme)


class FlagRow(WrappingRow, QCheckBox):
    """A check box of a contra-indication flag."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.label = _row_label(self, theme)


class SecondOfficerOverlay(StaffPinOverlay):
    """The staff login panel, asking a second officer to confirm a decision: ``login(name, secret)`` on OK."""

    name = "second-officer"

    def retranslate(self) -> None:
        self.title.setText(self.tr("Second officer: to confirm the decision, your account name, then your PIN or "
                                   "password"))
        self.account.setPlaceholderText(self.tr("Account name"))
        self.secret.setPlaceholderText(self.tr("PIN or password"))
        self.close_button.setText(self.tr("Close"))


class DecisionPanel(QScrollArea):
    """Scrolls on its own, so that the evidence above it keeps its share of the view."""

    decided = Signal(str, str, str, list)  # intake id, OfficerDecision value, reason, ContraIndication values

    def __init__(self, theme: Theme, overlay_parent: QWidget) -> None:
        super().__init__()
        self.theme = theme
        self.intake_id: str | None = None
        self.decisions: list[DecisionView] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.spacing // 2)
        self.title = self._label(column)
        self.state = self._label(column)
        self.choices = QButtonGroup(self)
        self.choice_buttons: dict[OfficerDecision, QRadioButton] = {}
        for choice in CHOICES:
            button = ChoiceRow(theme)
            button.setMinimumHeight(theme.touch_target)
            self.choices.addButton(button)
            self.choice_buttons[choice] = button
            column.addWidget(button)
        self.reason = QLineEdit()
        self.reason.setMinimumHeight(theme.touch_target)
        column.addWidget(self.reason)
        self.flags_title = self._label(column)
        self.flag_boxes: dict[ContraIndication, QCheckBox] = {}
        for flag in FLAGS:
            box = FlagRow(theme)
            box.setMinimumHeight(theme.touch_target)
            self.flag_boxes[flag] = box
            column.addWidget(box)
        self.notice = self._label(column)
        self.record_button = TouchButton("primary")
        self.confirm_button = TouchButton("secondary")
        for button in (self.record_button, self.confirm_button):
            button.setMinimumHeight(theme.touch_target)
            column.addWidget(button)
        column.addStretch(1)
        self.setWidget(holder)
        self.second_officer = SecondOfficerOverlay(theme, overlay_parent)
        self.choices.buttonToggled.connect(self._enable)
        self.reason.textChanged.connect(self._enable)
        self.record_button.clicked.connect(self._record)
        self.confirm_button.clicked.connect(self.second_officer.open)
        self.retranslate()
        self.show_decisions(None, [], frozenset())

    @staticmethod
    def _label(column: QVBoxLayout) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        column.addWidget(label)
        return label

    @property
    def pending(self) -> DecisionView | None:
        """The latest decision awaiting a second officer's confirmation, if any."""
        waiting = [d for d in self.decisions if d.needs_second_officer and d.confirmed_by is None]
        return waiting[-1] if waiting else None

    def show_decisions(self, intake_id: str | None, decisions: list[DecisionView],
                       flags: frozenset[ContraIndication]) -> None:
        """The intake's decisions (oldest first) and the flags in force; a fresh form."""
        self.intake_id, self.decisions = intake_id, list(decisions)
        self.choices.setExclusive(False)
        for button in self.choice_buttons.values():
            button.setChecked(False)
        self.choices.setExclusive(True)
        self.reason.clear()
        for flag, box in self.flag_boxes.items():
            box.setChecked(flag in flags)
        self.notice.hide()
        self.second_officer.hide()
        self.setVisible(intake_id is not None)
        self._show_state()

    def show_decision(self, view: DecisionView, flags: frozenset[ContraIndication]) -> None:
        """``view`` recorded or confirmed just now."""
        decisions = [d for d in self.decisions if d.decision_id != view.decision_id] + [view]
        if view.in_force:
            decisions = [d if d is view else _not_in_force(d) for d in decisions]
        self.show_decisions(self.intake_id, decisions, flags)

    def refuse(self, reason: str) -> None:
        self.notice.setText(reason)
        self.notice.show()

    def _show_state(self) -> None:
        pending, in_force = self.pending, next((d for d in self.decisions if d.in_force), None)
        if pending is not None:
            self.state.setText(self.tr("Awaiting a second officer: {0}. It takes effect only when a second AVIM "
                                       "officer confirms it.").format(self.choice_words(pending.decision)))
        elif in_force is not None:
            self.state.setText(self.tr("In force: {0}.").format(self.choice_words(in_force.decision)))
        else:
            self.state.setText(self.tr("No decision yet."))
        self.confirm_button.setVisible(pending is not None)
        self._enable()

    def _enable(self) -> None:
        self.record_button.setEnabled(self.choices.checkedButton() is not None and bool(self.reason.text().strip()))

    def _record(self) -> None:
        chosen = next((c for c, b in self.choice_buttons.items() if b.isChecked()), None)
        if self.intake_id is None or chosen is None or not self.reason.text().strip():
            return
        flags = [flag.value for flag, box in self.flag_boxes.items() if box.isChecked()]
        self.decided.emit(self.intake_id, chosen.value, self.reason.text().strip(), flags)

    def choice_words(self, decision: OfficerDecision) -> str:
        return {
            OfficerDecision.SAME_PERSON: self.tr("duplicate confirmed: this person enrolled before"),
            OfficerDecision.DIFFERENT_PERSON: self.tr("not a duplicate: a different person"),
            OfficerDecision.REFER_TO_LSO: self.tr("needs the local case meeting (LSO)"),
            OfficerDecision.PROCEED: self.tr("may proceed"),
            OfficerDecision.CORRECT_VNUMBER: self.tr("the V-number is corrected"),
        }[decision]

    def flag_words(self, flag: ContraIndication) -> str:
        return {
            ContraIndication.HEAVY_ENTRY_BAN: self.tr("Entry ban of 10 years or more"),
            ContraIndication.DECLARED_UNDESIRABLE: self.tr("Declared undesirable"),
            ContraIndication.EU_CITIZEN: self.tr("EU citizen"),
            ContraIndication.DUBLIN_CLAIMANT: self.tr("Dublin claimant"),
            ContraIndication.ENTITLED_TO_STATE_RECEPTION: self.tr("Entitled to state reception"),
        }[flag]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your decision, with its reason"))
        for choice, button in self.choice_buttons.items():
            words = self.choice_words(choice)
            button.setText(words[0].upper() + words[1:])
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.flags_title.setText(self.tr("Contra-indications for the LSO: tick what applies"))
        for flag, box in self.flag_boxes.items():
            box.setText(self.flag_words(flag))
        self.record_button.setText(self.tr("Record the decision"))
        self.confirm_button.setText(self.tr("A second officer confirms"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _not_in_force(view: DecisionView) -> DecisionView:
    return replace(view, in_force=False)
