"""The technician's view: the kiosk's health report (the same as ``zuil status``), the key and account state from
the access service, the scanner tried out in place (a self-test and a test capture with its live image) and the
V-number reader (one read), and a key rotation (asked to confirm, with a passphrase field where the key file is
sealed by one; ``rotate_keys(passphrase)``, "" for none). The errors seen here are listed, newest first, and so
are the kiosk's own last warnings and errors (:mod:`kiosk.recent_log`, masked). No personal data: a test capture is
shown and then forgotten, never stored or sent, and a V-number read is reported without its digits.

The view only shows what it is given and asks through its signals; the window's staff mode runs the checks (the
report and the key state on the engine thread, the scanner on the device worker's thread).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from enrollment.access.views import KeyRotation, TechnicianStatus
from enrollment.keys.passphrase_kek import SEALING as PASSPHRASE_SEALING
from kiosk.ui.staff.view import StaffView, wrappable
from kiosk.ui.widgets.grey_image import grey_pixmap
from kiosk.ui.widgets.touch_button import TouchButton

LAST_ERRORS = 5  # how many of the errors seen in this view are listed
LOG_LINES = 10  # how many of the kiosk's recent warnings and errors are shown
IMAGE_MM = 60.0  # the test capture's side on screen


class TechnicianView(StaffView):
    name = "staff-technician"
    refresh = Signal()
    self_test = Signal()
    test_capture = Signal()
    reader_test = Signal()
    rotate_keys = Signal(str)  # the passphrase ("" where the key file needs none)
    _relay = Signal(object)  # a callable to run on the UI thread (see :meth:`later`)

    def __init__(self, theme) -> None:  # type: ignore[no-untyped-def]
        super().__init__(theme)
        self.errors: deque[str] = deque(maxlen=LAST_ERRORS)
        self._relay.connect(self._run)
        self.health_heading = self._heading()
        self.health = self.text_label()
        self.health.setProperty("role", "report")  # a fixed-width font keeps the report's columns
        self.keys = self.text_label()
        self.button_rows: list[QHBoxLayout] = []  # one below the other in large text
        self._build_rotation(theme)
        self.scanner_heading = self._heading()
        buttons = QHBoxLayout()
        self.button_rows.append(buttons)
        self.self_test_button, self.capture_button, self.refresh_button = (
            TouchButton("secondary"), TouchButton("secondary"), TouchButton("secondary"))
        for button, signal in ((self.self_test_button, self.self_test), (self.capture_button, self.test_capture),
                               (self.refresh_button, self.refresh)):
            button.setMinimumHeight(theme.touch_target)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        self.body.addLayout(buttons)
        self.scanner_result = self.text_label()
        self.image = QLabel()
        self.image.setProperty("role", "image")
        side = theme.mm(IMAGE_MM)
        self.image.setFixedSize(side, side)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.image)
        self.reader_heading = self._heading()
        self.reader_button = TouchButton("secondary")
        self.reader_button.setMinimumHeight(theme.touch_target)
        self.reader_button.clicked.connect(self.reader_test.emit)
        reader_row = QHBoxLayout()
        reader_row.addWidget(self.reader_button)
        reader_row.addStretch(1)
        self.body.addLayout(reader_row)
        self.reader_result = self.text_label()
        self.errors_heading = self._heading()
        self.error_list = self.text_label()
        self.log_heading = self._heading()
        self.log = self.text_label()
        self.log.setProperty("role", "report")
        self.body.addStretch(1)
        self.retranslate()

    def _build_rotation(self, theme) -> None:  # type: ignore[no-untyped-def]
        """The rotate button, and the confirmation it opens: what rotation does, the passphrase field where
        needed, and rotate and cancel."""
        self.rotate_button = TouchButton("secondary")
        self.rotate_button.setMinimumHeight(theme.touch_target)
        self.rotate_button.clicked.connect(self._ask_rotation)
        row = QHBoxLayout()
        row.addWidget(self.rotate_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.confirm_rotation = QWidget()
        column = QVBoxLayout(self.confirm_rotation)
        column.setContentsMargins(0, 0, 0, 0)
        self.rotation_question = QLabel()
        self.rotation_question.setWordWrap(True)
        column.addWidget(self.rotation_question)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumHeight(theme.touch_target)
        column.addWidget(self.passphrase)
        answers = QHBoxLayout()
        self.button_rows.append(answers)
        self.rotate_confirm_button, self.rotate_cancel_button = TouchButton("primary"), TouchButton("secondary")
        for button in (self.rotate_confirm_button, self.rotate_cancel_button):
            button.setMinimumHeight(theme.touch_target)
            answers.addWidget(button)
        self.rotate_confirm_button.clicked.connect(self._confirm_rotation)
        self.rotate_cancel_button.clicked.connect(self._close_rotation)
        column.addLayout(answers)
        self.body.addWidget(self.confirm_rotation)
        self.confirm_rotation.hide()
        self.rotation_result = self.text_label()
        self._sealing: str | None = None

    def _ask_rotation(self) -> None:
        self.passphrase.clear()
        self.passphrase.setVisible(self._sealing == PASSPHRASE_SEALING)
        self.confirm_rotation.show()

    def _confirm_rotation(self) -> None:
        passphrase = self.passphrase.text()
        self._close_rotation()
        self.rotate_button.setEnabled(False)
        self.rotation_result.setText(self.tr("Rotating the keys…"))
        self.rotate_keys.emit(passphrase)

    def _close_rotation(self) -> None:
        self.passphrase.clear()
        self.confirm_rotation.hide()

    def show_rotation(self, rotated: KeyRotation) -> None:
        """A rotation's outcome: the new master key version, each data key's newest version, and when."""
        self.rotate_button.setEnabled(True)
        versions = ", ".join(f"{purpose} v{version}" for purpose, version in sorted(rotated.data_key_versions.items()))
        self.rotation_result.setText(self.tr("Keys rotated at {0} UTC: master key v{1}; new writes use {2}.").format(
            rotated.rotated_at.strftime("%Y-%m-%d %H:%M:%S"), rotated.master_key_version, versions))

    def refuse_rotation(self, reason: str) -> None:
        """A rotation refused or failed (a wrong passphrase, the role): the keys are as they were."""
        self.rotate_button.setEnabled(True)
        self.rotation_result.setText(self.tr("The keys were not rotated: {0}").format(reason))
        self.errors.appendleft(reason)
        self._show_errors()

    def set_large_text(self, on: bool) -> None:
        super().set_large_text(on)
        direction = QBoxLayout.Direction.TopToBottom if on else QBoxLayout.Direction.LeftToRight
        for row in self.button_rows:
            row.setDirection(direction)

    def _heading(self) -> QLabel:
        label = self.text_label()
        label.setProperty("role", "heading")
        return label

    def later(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the UI thread (callable from any thread: a device worker's result arrives there)."""
        self._relay.emit(fn)

    def _run(self, fn: Callable[[], None]) -> None:
        fn()

    # -- what the staff mode gives it ---------------------------------------------------------------------
    def show_report(self, lines: list[str], keys: TechnicianStatus | None) -> None:
        """The health report's lines (``kiosk.status_report.report_lines``) and the access service's key state."""
        self.health.setText(wrappable("\n".join(lines)))
        self.keys.setText("" if keys is None else wrappable(self._keys_text(keys)))
        self._sealing = None if keys is None else keys.sealing

    def show_log(self, lines: list[str]) -> None:
        """The kiosk's recent warnings and errors (``kiosk.recent_log.recent_lines``), newest first."""
        self.log.setText(wrappable("\n".join(lines[:LOG_LINES])) if lines
                         else self.tr("No warnings or errors since the start."))

    def show_scanner(self, ok: bool, text: str) -> None:
        """The outcome of a self-test or test capture; a failure joins the list of errors."""
        self.scanner_result.setText((self.tr("OK: {0}") if ok else self.tr("FAILED: {0}")).format(text))
        if not ok:
            self.errors.appendleft(text)
            self._show_errors()

    def show_reader(self, ok: bool, text: str) -> None:
        """The outcome of a V-number reader test (never the digits read); a failure joins the list of errors."""
        self.reader_result.setText((self.tr("OK: {0}") if ok else self.tr("FAILED: {0}")).format(text))
        if not ok:
            self.errors.appendleft(text)
            self._show_errors()

    def show_image(self, image: np.ndarray | None) -> None:
        if image is None:
            self.image.clear()
            return
        self.image.setPixmap(grey_pixmap(image).scaled(self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation))

    def clear(self) -> None:
        """Forget what this view showed (at logout): the test image, the results and the errors."""
        self.errors.clear()
        self.show_report([], None)
        self.log.setText("")
        self.scanner_result.setText("")
        self.reader_result.setText("")
        self.rotation_result.setText("")
        self.rotate_button.setEnabled(True)
        self._close_rotation()
        self.show_image(None)
        self._show_errors()

    def _show_errors(self) -> None:
        self.error_list.setText("\n".join(self.errors) if self.errors else self.tr("None since you logged in."))

    def _keys_text(self, keys: TechnicianStatus) -> str:
        versions = ", ".join(f"{purpose} v{version}" for purpose, version in sorted(keys.data_key_versions.items()))
        accounts = ", ".join(f"{role} {count}" for role, count in sorted(keys.active_accounts.items()))
        text = self.tr("Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.")
        text = text.format(keys.sealing, keys.master_key_version, versions, accounts, keys.audit_entries)
        if keys.key_file_demo:
            text += " " + self.tr("These are demo keys: they protect nothing.")
        return text

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Technician"))
        self.health_heading.setText(self.tr("Health"))
        self.scanner_heading.setText(self.tr("Scanner"))
        self.self_test_button.setText(self.tr("Self-test"))
        self.capture_button.setText(self.tr("Test capture"))
        self.refresh_button.setText(self.tr("Check again"))
        self.rotate_button.setText(self.tr("Rotate keys"))
        self.rotation_question.setText(self.tr(
            "Rotate the keys now? A new master key and a new version of each data key are made and audited; "
            "what is stored stays readable and new writes use the new keys."))
        self.passphrase.setPlaceholderText(self.tr("Key passphrase"))
        self.rotate_confirm_button.setText(self.tr("Rotate"))
        self.rotate_cancel_button.setText(self.tr("Cancel"))
        self.reader_heading.setText(self.tr("V-number reader"))
        self.reader_button.setText(self.tr("Test V-number reader"))
        self.errors_heading.setText(self.tr("Last errors"))
        self.log_heading.setText(self.tr("Kiosk log: warnings and errors"))
        self._show_errors()
