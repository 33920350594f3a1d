"""The kiosk window: the participant's screens in a stack over the Qt-free intake flow (kiosk/flow.py).

Each screen's signal becomes one flow action, then :meth:`KioskWindow.show_step` shows the flow's step. The
idle timer warns (with "more time") and then discards the partial intake (nothing is stored before the
processing step). A failing scanner shows the desk screen until it works again. The configured V-number reader
(:mod:`kiosk.ui.vnumber_reading`) runs while the V-number screen is shown, and only then. A participant cannot close
the window (close events and Escape are ignored); staff enter with a long press in the top-left corner, then
their account name and PIN or password, checked by the access service (:mod:`enrollment.access.service`). A staff
login replaces the participant's screens with the staff views (:mod:`kiosk.ui.staff`; their construction, the login
and logout are :class:`~kiosk.ui.staff.mode.StaffMode`) until the explicit logout or the service's idle logout, which
a timer asks the service about every :data:`~kiosk.ui.staff.mode.STAFF_IDLE_CHECK_MS`.

Under every screen the accessibility bar (:mod:`kiosk.ui.widgets.access_bar`) offers "listen again", stop
speaking, softer, louder, large text and high contrast; the modes and the volume last until the intake ends and
the next person starts with the window's own theme and the default volume. "Listen again" also says the names of
the screen's pictures and of the bar's buttons. With a :class:`~kiosk.ui.screen_speech.ScreenSpeech`, each
screen that comes up (and the idle warning, a scanner message or a refused V-number when it appears) is spoken
in the language its text is shown in (:func:`~kiosk.ui.screen_speech.speaking_language`); the language screen
says its welcome in every offered language (the speaking is :class:`~kiosk.ui.window_speech.SpokenWindow`).

With a :class:`~kiosk.pending_intake.PendingIntake`, the flow is kept (sealed, on the engine thread) after each step
the participant completes and forgotten when the intake is stored or discarded; a window that starts while one is
kept resumes it at its step, in its language, saying that the kiosk restarted
(:class:`~kiosk.ui.window_resume.ResumingWindow`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from drivers.errors import CaptureTimeoutError
from enrollment.access.service import AccessService
from enrollment.access.sessions import StaffSession
from enrollment.consent import consent_text
from enrollment.errors import VNumberError
from enrollment.records.vocabulary import ConsentDecision
from kiosk.flow import IntakeFlow, Step
from kiosk.pending_intake import PendingIntake
from kiosk.settings import KioskSettings
from kiosk.ui.capture_controller import CaptureController
from kiosk.ui.languages import KNOWN, LanguageSwitch, offered, use_script_fonts
from kiosk.ui.overlays import IdleOverlay, StaffCorner, StaffPinOverlay
from kiosk.ui.scanner_messages import scanner_message, scanner_message_id
from kiosk.ui.screen_speech import DEFAULT_VOLUME, ScreenSpeech, welcome_parts
from kiosk.ui.screens.capture import CaptureScreen
from kiosk.ui.screens.consent import ConsentScreen
from kiosk.ui.screens.desk import DECLINED, ERROR, SCANNER, DeskScreen
from kiosk.ui.screens.information import InformationScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.processing import ProcessingScreen
from kiosk.ui.screens.receipt import ReceiptScreen
from kiosk.ui.screens.refusal_reason import RefusalReasonScreen
from kiosk.ui.screens.vnumber import VNumberScreen
from kiosk.ui.staff.mode import StaffMode
from kiosk.ui.theme import Theme
from kiosk.ui.vnumber_reading import VNumberReading
from kiosk.ui.widgets.access_bar import HIGH_CONTRAST, LARGE_TEXT, AccessBar
from kiosk.ui.window_resume import ResumingWindow
from kiosk.ui.window_speech import SpokenWindow

log = logging.getLogger(__name__)
_INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress}


class KioskWindow(StaffMode, SpokenWindow, ResumingWindow, QWidget):
    recorded = Signal(str)  # the receipt number of an intake just stored

    def __init__(self, settings: KioskSettings, theme: Theme, *, controller: CaptureController | None = None,
                 engine: Executor | None = None, record: Callable[[IntakeFlow], str] | None = None,
                 idle_timeout_s: float = 60.0, idle_warning_s: int = 30, speech: ScreenSpeech | None = None,
                 access: Callable[[], AccessService] | None = None, kiosk_id: str = "",
                 status_lines: Callable[[], list[str]] | None = None, pending: PendingIntake | None = None) -> None:
        use_script_fonts()  # before any widget of the window takes the application font
        super().__init__()
        self.setWindowTitle("Aanmeldzuil")
        self.settings, self.theme, self.base_theme = settings, theme, theme
        self.controller, self.engine, self.record = controller, engine, record
        self.access, self.kiosk_id = access, kiosk_id or settings.enrollment.kiosk_id
        self.status_lines = status_lines  # the technician's health report, as lines
        self.pending = pending if engine is not None else None  # kept and read on the engine thread
        self.staff_session: StaffSession | None = None
        self.speech = speech
        if speech is not None:
            speech.setParent(self)
        self.setStyleSheet(theme.stylesheet())
        self.languages = offered(settings.enrollment.languages)
        self.language_switch = LanguageSwitch()
        self.receipt_number = ""
        self._may_close = False
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        self.resumed_note = QLabel()  # "the kiosk restarted", shown on the screen an intake resumes at
        self.resumed_note.setProperty("role", "message")
        self.resumed_note.setWordWrap(True)
        self.resumed_note.hide()
        layout.addWidget(self.resumed_note)
        self.bar = AccessBar(theme)
        self.bar.show_speech(settings.speech.enabled)  # off in the settings: no speech at all
        layout.addWidget(self.bar)
        self.screens: dict = {}
        self.language = self._add(LanguageScreen(theme, self.languages, settings.flags))
        self.information = self._add(InformationScreen(theme))
        self.consent = self._add(ConsentScreen(theme))
        self.refusal = self._add(RefusalReasonScreen(theme))
        self.vnumber = self._add(VNumberScreen(theme))
        self.vnumber_reading = VNumberReading(settings.vnumber_reader, self)
        self.vnumber.show_reader_hint(self.vnumber_reading.configured)
        self.capture = self._add(CaptureScreen(theme))
        self.processing = self._add(ProcessingScreen(theme))
        self.receipt = self._add(ReceiptScreen(theme))
        self.desk = self._add(DeskScreen(theme))
        self.idle = IdleOverlay(theme, self, idle_warning_s)
        self.staff = StaffPinOverlay(theme, self)
        self.build_staff_views(theme)
        self.corner = StaffCorner(theme.touch_target, self)
        self._welcome = welcome_parts(self.languages)
        self._applied: Theme | None = None
        self._on_air = None  # the screen spoken last
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(int(idle_timeout_s * 1000))
        self.idle_timer.timeout.connect(self._idle)
        self._recorded_signal.connect(self._on_recorded)
        self._resume_signal.connect(self._resume)
        self._connect()
        QApplication.instance().installEventFilter(self)
        self.new_intake(forget=False)
        self.take_kept()

    def _add(self, screen):  # type: ignore[no-untyped-def]
        self.screens[screen.name] = screen
        self.stack.addWidget(screen)
        return screen

    def _connect(self) -> None:
        self.language.chosen.connect(self._choose_language)
        self.information.proceed.connect(lambda: self._act(self.flow.acknowledge_information))
        self.information.back.connect(lambda: self._act(self.flow.back))
        self.consent.agreed.connect(lambda: self._act(self.flow.give_consent, []))
        self.consent.declined.connect(lambda: self._act(self.flow.refuse_consent))
        self.consent.back.connect(lambda: self._act(self.flow.back))
        self.refusal.reason.connect(lambda reason: self._act(self.flow.give_refusal_reason, reason))
        self.vnumber.entered.connect(self._vnumber_entered)
        self.vnumber.no_vnumber.connect(lambda: self._act(self.flow.declare_no_vnumber))
        self.vnumber_reading.read.connect(self._activity(self.vnumber.read))
        self.vnumber_reading.failed.connect(self._activity(self._reader_failed))
        self.capture.cannot_give.connect(
            lambda position: self._act(self.flow.skip_finger, position, "the person cannot give this finger"))
        self.receipt.finished.connect(self._finish)
        self.desk.finished.connect(self._finish)
        self.idle.more_time.connect(self.idle_timer.start)
        self.idle.expired.connect(self.discard)
        self.corner.requested.connect(self.staff.open)
        self.staff.login.connect(self.staff_login)
        self.bar.listen.connect(self.listen_again)
        self.bar.stop.connect(lambda: self.speech is not None and self.speech.stop())
        self.bar.softer.connect(lambda: self.change_volume(-1))
        self.bar.louder.connect(lambda: self.change_volume(+1))
        self.bar.large_text.connect(lambda on: self.switch_mode(LARGE_TEXT, on))
        self.bar.high_contrast.connect(lambda on: self.switch_mode(HIGH_CONTRAST, on))
        if self.controller is not None:
            self.controller.image.connect(self._activity(self.capture.show_image))
            self.controller.succeeded.connect(self._activity(self._captured))
            self.controller.failed.connect(self._capture_failed)
            self.controller.device_lost.connect(self._device_lost)
            self.controller.device_back.connect(self._device_back)

    def _activity(self, slot):  # type: ignore[no-untyped-def]
        """``slot``, restarting the idle timer first: the scanner's answers show the person is there."""
        def run(*args) -> None:  # type: ignore[no-untyped-def]
            if not self.idle.isVisible():
                self.idle_timer.start()
            slot(*args)
        return run

    # -- the flow -----------------------------------------------------------------------------------------
    def new_intake(self, *, forget: bool = True) -> None:
        """A fresh flow at the language screen; with ``forget``, the kept snapshot of the one before removed."""
        if forget:
            self._on_engine(self.pending and self.pending.forget)
        self.resumed_note.hide()
        site = self.settings.enrollment
        self.flow = IntakeFlow(languages=tuple(lang.code for lang in self.languages), fingers=site.fingers,
                               biometrics_enabled=site.biometrics_enabled and self.controller is not None)
        self.receipt_number = ""
        if self.speech is not None:
            self.speech.set_volume(DEFAULT_VOLUME)
        self.set_modes(large_text=self.base_theme.large_text, high_contrast=self.base_theme.high_contrast)
        self.show_step()

    _resume_signal = Signal(object)

    def _act(self, action, *args) -> None:  # type: ignore[no-untyped-def]
        action(*args)
        self.show_step()

    def _choose_language(self, code: str) -> None:
        self.language_switch.install(KNOWN[code])
        self._act(self.flow.choose_language, code)

    def _reader_failed(self, exc: Exception) -> None:
        """The V-number reader read nothing usable: the screen says so calmly, and so does speech."""
        self.vnumber.reader_failed(exc)
        self._say_message(f"reader_{type(exc).__name__.lower()}", self.vnumber.error.text())

    def _vnumber_entered(self, digits: str) -> None:
        try:
            self.flow.enter_vnumber(digits)
        except VNumberError:
            self.vnumber.refuse()
            self._say_message("vnumber_refused", self.vnumber.error.text())
            return
        self.show_step()

    def show_step(self) -> None:
        self._keep()  # before the step's work (processing) starts
        step = self.flow.step
        if step is Step.LANGUAGE:
            self.language_switch.install(KNOWN.get(self.languages[0].code) if self.languages else KNOWN["en"])
            self._show(self.language)
        elif step is Step.INFORMATION:
            self.information.show_text(consent_text(self.flow.language or "en").text)
            self._show(self.information)
        elif step is Step.CONSENT:
            self._show(self.consent)
        elif step is Step.REFUSAL_REASON:
            self._show(self.refusal)
        elif step is Step.VNUMBER:
            self.vnumber.reset()
            self._show(self.vnumber)
        elif step is Step.CAPTURE:
            self._ask_finger()
        elif step is Step.PROCESSING:
            self._show(self.processing)
            self._process()
        elif step is Step.RECEIPT:
            if self.flow.consent is ConsentDecision.GIVEN:
                self.receipt.show_receipt(self.receipt_number)
                self._show(self.receipt)
            else:
                self.desk.show_reason(DECLINED, self.receipt_number)
                self._show(self.desk)

    def _show(self, screen) -> None:  # type: ignore[no-untyped-def]
        changed = screen is not self._on_air or screen is self.desk  # the desk's reason may change
        self._on_air = screen
        if changed:
            self.resumed_note.hide()
        if screen is self.vnumber:
            self.vnumber_reading.start()
        else:
            self.vnumber_reading.stop()
        self.stack.setCurrentWidget(screen)
        self.idle_timer.start()
        if changed:
            self.speak_current()

    # -- accessibility --------------------------------------------------------------------------------------
    def set_modes(self, *, large_text: bool, high_contrast: bool) -> None:
        """Large text and high contrast, applied to every screen at once (re-styled and re-laid-out)."""
        theme = self.theme.with_modes(large_text=large_text, high_contrast=high_contrast)
        self.bar.set_modes(large_text=large_text, high_contrast=high_contrast)
        for view in self.staff_views:
            view.set_large_text(large_text)
        if theme == self._applied:
            return
        self.theme = self._applied = theme
        self.setStyleSheet(theme.stylesheet())
        for widget in self.findChildren(QWidget):
            if hasattr(widget, "colours"):
                widget.colours = theme.palette
                widget.update()

    def switch_mode(self, kind: str, on: bool) -> None:
        """A participant switched large text or high contrast: applied, and its new state said (EN 301 549 5.6.1:
        a switch's state is heard, not only seen)."""
        self.set_modes(large_text=on if kind == LARGE_TEXT else self.theme.large_text,
                       high_contrast=on if kind == HIGH_CONTRAST else self.theme.high_contrast)
        self._say_message(f"{kind}_{'on' if on else 'off'}", self.bar.state_text(kind, on))

    def current_screen(self):  # type: ignore[no-untyped-def]
        if self.idle.isVisible():
            return self.idle
        return self.stack.currentWidget()

    # -- capture ------------------------------------------------------------------------------------------
    def _ask_finger(self) -> None:
        flow = self.flow
        position = flow.current_finger
        assert position is not None and self.controller is not None
        outcome = flow.outcomes[position]
        done = {p for p, o in flow.outcomes.items() if o.complete}
        self.capture.show_finger(position, finger=flow.fingers.index(position) + 1, fingers=len(flow.fingers),
                                 impression=len(outcome.impressions) + 1, impressions=outcome.wanted, done=done)
        if self.stack.currentWidget() is not self.capture:  # a new try on the screen is no sign of life
            self._show(self.capture)
        self.controller.start(position)

    def _captured(self, position: int, quality: int, template: bytes, image: bytes | None = None) -> None:
        self.capture.show_quality(quality)
        self.capture.show_message("")
        self.flow.capture_succeeded(position, quality=quality, template=template, image=image)
        self._next_capture()

    def _capture_failed(self, position: int, exc: Exception) -> None:
        """A failed try counts against the finger; no finger at all within the capture time is no try (and
        no sign the person is still there: the idle timer goes on, so a person who left is not recorded)."""
        if isinstance(exc, CaptureTimeoutError):
            self._ask_finger()
        else:
            self.idle_timer.start()
            self.flow.capture_failed(position, type(exc).__name__)
            self._next_capture()
        self.capture.show_message(scanner_message(exc))
        self._say_message(scanner_message_id(exc), self.capture.message.text())

    def _next_capture(self) -> None:
        self.resumed_note.hide()
        if self.flow.step is Step.CAPTURE:
            self._keep()
            self._ask_finger()
        else:
            self.show_step()

    def _device_lost(self, exc: Exception) -> None:
        log.info("scanner lost during the intake: %s", exc)
        self.desk.show_reason(SCANNER)
        self._show(self.desk)

    def _device_back(self) -> None:
        if self.flow.step is Step.CAPTURE:
            self._ask_finger()

    # -- processing ---------------------------------------------------------------------------------------
    def _process(self) -> None:
        if self.engine is None or self.record is None:
            return
        self.idle_timer.stop()
        flow = self.flow
        future = self.engine.submit(self.record, flow)
        future.add_done_callback(lambda f: self._recorded_signal.emit(flow, f))

    _recorded_signal = Signal(object, object)

    def _on_recorded(self, flow: IntakeFlow, future: Future) -> None:
        if flow is not self.flow:
            return
        exc = future.exception()
        if exc is not None:
            log.error("the intake could not be stored: %s: %s", type(exc).__name__, exc)
            self.desk.show_reason(ERROR)
            self._show(self.desk)
            return
        self.receipt_number = future.result()
        self._on_engine(self.pending and self.pending.forget)  # stored: nothing left to resume
        self.flow.processing_done()
        self.recorded.emit(self.receipt_number)
        self.show_step()

    def _finish(self) -> None:
        if self.flow.step is Step.RECEIPT:
            self.flow.finish()
        elif self.flow.step not in (Step.FINISHED, Step.CANCELLED):
            self.flow.cancel()
        self.new_intake()

    # -- idle ---------------------------------------------------------------------------------------------
    def _idle(self) -> None:
        step = self.flow.step
        if step is Step.LANGUAGE or self.staff.isVisible() or self.staff_session is not None:
            return
        if step is Step.RECEIPT or (self.desk.reason == ERROR and self.stack.currentWidget() is self.desk):
            self._finish()
            return
        if step is Step.PROCESSING:
            return
        self.idle.warn()
        self.speak_current()

    def discard(self) -> None:
        """Give up the partial intake: cancel the scanner, forget the answers, start again (nothing stored)."""
        if self.controller is not None:
            self.controller.stop()
        if self.flow.step not in (Step.FINISHED, Step.CANCELLED):
            self.flow.cancel()
        self.idle.stop()
        self.new_intake()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and not self.idle.isVisible():
            self.idle_timer.start()
        return False

    # -- kiosk behaviour ----------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        for overlay in (self.idle, self.staff):
            overlay.setGeometry(self.rect())
        self.corner.move(0, 0)
        self.corner.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # Escape and every other key do nothing for a participant

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            QApplication.instance().removeEventFilter(self)
            event.accept()
        else:
            event.ignore()

    def shutdown(self) -> None:
        """Close for good (the kiosk's process is ending; never from a participant's input)."""
        self._may_close = True
        self.vnumber_reading.stop()
        if self.controller is not None:
            self.controller.stop()
        self.idle_timer.stop()
        self.staff_idle.stop()
        if self.speech is not None:
            self.speech.close()
        self.close()
