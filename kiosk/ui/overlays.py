"""Panels laid over the current screen: the idle warning (with "more time") and the staff entry's login panel.

An :class:`Overlay` covers the whole window with a shade and shows a card in its middle; it has the screens'
``retranslate``/``spoken_text``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.keypad import Keypad
from kiosk.ui.widgets.touch_button import TouchButton

STAFF_PRESS_MS = 3000  # the long press in the corner that opens the staff entry


class Overlay(QWidget):
    name = "overlay"

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setProperty("overlay", True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.margin, theme.margin, theme.margin, theme.margin)
        self.card = QFrame()
        self.card.setProperty("role", "card")
        outer.addStretch(1)
        outer.addWidget(self.card)
        outer.addStretch(1)
        self.column = QVBoxLayout(self.card)
        self.column.setContentsMargins(theme.margin, theme.margin, theme.margin, theme.margin)
        self.column.setSpacing(theme.spacing)
        self.reading_order: list[QLabel | TouchButton] = []
        self.hide()

    def text_label(self, role: str = "cardtext") -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setProperty("role", role)
        self.column.addWidget(label)
        self.reading_order.append(label)
        return label

    def add_button(self, role: str = "primary") -> TouchButton:
        button = TouchButton(role)
        button.setMinimumHeight(self.theme.touch_target)
        self.column.addWidget(button)
        self.reading_order.append(button)
        return button

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def spoken_text(self, *, private: bool = False) -> str:
        """The visible text in reading order (an overlay shows no personal data, so ``private`` changes nothing)."""
        return "\n".join(w.text() for w in self.reading_order if w.isVisibleTo(self) and w.text())

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class IdleOverlay(Overlay):
    """"Are you still there?" with a countdown; ``more_time`` when tapped, ``expired`` at zero."""

    name = "idle"
    more_time = Signal()
    expired = Signal()

    def __init__(self, theme: Theme, parent: QWidget, warning_s: int) -> None:
        super().__init__(theme, parent)
        self.warning_s, self.left = warning_s, warning_s
        self.title = self.text_label("title")
        self.body = self.text_label()
        self.button = self.add_button()
        self.button.clicked.connect(self._more_time)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._count)
        self.retranslate()

    def warn(self) -> None:
        self.left = self.warning_s
        self.retranslate()
        self.cover()
        self.tick.start()

    def stop(self) -> None:
        self.tick.stop()
        self.hide()

    def _more_time(self) -> None:
        self.stop()
        self.more_time.emit()

    def _count(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.stop()
            self.expired.emit()
        else:
            self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        self.body.setText(self.tr("Do you need more time? If you do not tap the button, we stop in {0} "
                                  "seconds and delete your answers.").format(self.left))
        self.button.setText(self.tr("Yes, I need more time"))


class StaffPinOverlay(Overlay):
    """The staff entry: the account name (typed) and the PIN (on the keypad) or password (typed); OK emits
    ``login(name, secret)``, and :meth:`refuse` shows the access service's one-line reason for a refusal."""

    name = "staff"
    login = Signal(str, str)

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(theme, parent)
        self.title = self.text_label("title")
        self.account = QLineEdit()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.account, self.secret):
            field.setMinimumHeight(theme.touch_target)
            self.column.addWidget(field)
        self.notice = self.text_label()
        self.keypad = Keypad(theme.touch_target)
        self.column.addWidget(self.keypad)
        self.close_button = self.add_button("secondary")
        self.keypad.digit.connect(lambda digit: self.secret.setText(self.secret.text() + digit))
        self.keypad.deleted.connect(lambda: self.secret.setText(self.secret.text()[:-1]))
        self.keypad.confirmed.connect(self._confirmed)
        self.secret.returnPressed.connect(self._confirmed)
        self.close_button.clicked.connect(self.hide)
        self.retranslate()

    @property
    def pin(self) -> str:
        return self.secret.text()

    def open(self) -> None:
        self.account.clear()
        self.secret.clear()
        self.notice.hide()
        self.cover()
        self.account.setFocus()

    def refuse(self, reason: str) -> None:
        self.secret.clear()
        self.notice.setText(reason)
        self.notice.show()

    def _confirmed(self) -> None:
        self.login.emit(self.account.text().strip(), self.secret.text())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff: your account name, then your PIN or password"))
        self.account.setPlaceholderText(self.tr("Account name"))
        self.secret.setPlaceholderText(self.tr("PIN or password"))
        self.close_button.setText(self.tr("Close"))


class StaffCorner(QWidget):
    """An invisible square in the window's top-left corner: held for :data:`STAFF_PRESS_MS` it emits
    ``requested`` (a tap does nothing)."""

    requested = Signal()

    def __init__(self, side: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("overlay", True)
        self.setFixedSize(QSize(side, side))
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.setInterval(STAFF_PRESS_MS)
        self.hold.timeout.connect(self.requested.emit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hold.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.hold.stop()
