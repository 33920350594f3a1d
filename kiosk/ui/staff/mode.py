"""The window's staff mode: log in through the access service, show the staff views, leave on logout or when the
service says the session has ended (idle). A mix-in of :class:`~kiosk.ui.window.KioskWindow`, which owns the
widgets it uses (the PIN panel, the staff views, the idle timer, the engine thread); every service call runs on
the engine thread, where the record lives."""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QTimer

from drivers.errors import DriverError
from drivers.vnumber.errors import ReaderUnavailableError
from enrollment.access.errors import AccessError, SessionEnded
from enrollment.access.roles import Role
from enrollment.access.views import Evidence
from enrollment.errors import EnrollmentError
from enrollment.records.vocabulary import ContraIndication, OfficerDecision
from kiosk.recent_log import recent_lines
from kiosk.ui.staff.evidence import EvidenceView
from kiosk.ui.staff.intake import IntakeView
from kiosk.ui.staff.queue import QueueView
from kiosk.ui.staff.technician import TechnicianView
from kiosk.ui.summary_export import export_summary_pdf, summary_file
from kiosk.ui.vnumber_reading import VNumberReading

STAFF_IDLE_CHECK_MS = 1000  # how often the window asks the access service whether the staff session is over
STAFF_CALL_S = 120  # only for hangs: the engine thread may be busy with an intake's identification
TEST_CAPTURE_S = 20.0  # the technician's test capture waits this long for a finger
TEST_READ_S = 30.0  # the technician's V-number reader test waits this long for a letter or document


class StaffMode:
    """Staff login, views and logout for the kiosk window (texts in the window's translation context)."""

    def build_staff_views(self, theme) -> None:  # type: ignore[no-untyped-def]
        """The staff views (in the window's stack, never among the participant's screens), wired to this mode, and
        the timer that asks the access service whether the staff session has ended."""
        self.staff_queue, self.staff_intake = QueueView(theme), IntakeView(theme)
        self.staff_technician, self.staff_evidence = TechnicianView(theme), EvidenceView(theme)
        self.staff_views = (self.staff_queue, self.staff_intake, self.staff_technician, self.staff_evidence)
        for view in self.staff_views:
            self.stack.addWidget(view)
            view.logout.connect(self.staff_logout)
            view.large_text.connect(lambda on: self.set_modes(large_text=on, high_contrast=self.theme.high_contrast))
        self.staff_technician.refresh.connect(self._show_technician)
        self.staff_technician.self_test.connect(self.technician_self_test)
        self.staff_technician.test_capture.connect(self.technician_test_capture)
        self.staff_technician.reader_test.connect(self.technician_reader_test)
        self.staff_technician.rotate_keys.connect(self.technician_rotate_keys)
        self.staff_queue.opened.connect(self._open_intake)
        self.staff_intake.back.connect(self._show_queue)
        self.staff_intake.decision.decided.connect(self.staff_decide)
        self.staff_intake.decision.second_officer.login.connect(self.staff_second_officer)
        self.staff_intake.prints_requested.connect(self._open_prints)
        self.staff_intake.summary_requested.connect(self.staff_summary)
        self.staff_evidence.back.connect(lambda: self.stack.setCurrentWidget(self.staff_intake))
        self.staff_idle = QTimer(self)  # the service decides; this only asks it
        self.staff_idle.setInterval(STAFF_IDLE_CHECK_MS)
        self.staff_idle.timeout.connect(self._staff_idle_check)

    _reader_test: VNumberReading | None = None  # the technician's V-number reader test, while it waits
    _reader_test_timer: QTimer | None = None
    _rotation: Future | None = None  # the technician's key rotation, while it runs on the engine thread

    def _staff_call(self, call):  # type: ignore[no-untyped-def]
        """``call(service)`` on the engine thread, where the record lives; waits for it."""
        return self.engine.submit(lambda: call(self.access())).result(STAFF_CALL_S)

    def staff_login(self, name: str, secret: str) -> None:
        """Log in through the access service; a refusal shows its one-line reason on the entry panel."""
        if self.access is None or self.engine is None:
            self.staff.refuse(QCoreApplication.translate(
                "KioskWindow", "Staff login needs the kiosk's record, and this window has none."))
            return
        try:
            session = self._staff_call(lambda service: service.login(name, secret))
        except AccessError as exc:
            self.staff.refuse(str(exc))
            return
        self.staff.hide()
        self.discard()  # a partial participant intake is given up, as at the idle limit
        self.idle_timer.stop()
        self.staff_session = session
        self.bar.hide()
        self.corner.hide()
        self.staff_idle.start()
        if session.role is Role.TECHNICIAN:
            self._show_technician()
        else:
            self._show_queue()

    def _staff_do(self, call):  # type: ignore[no-untyped-def]
        """``call(service, session)``; an ended session (logged out, idle) leaves staff mode instead."""
        session = self.staff_session
        try:
            return self._staff_call(lambda service: call(service, session))
        except SessionEnded:
            self._leave_staff()
            return None

    def _show_queue(self) -> None:
        rows = self._staff_do(lambda service, session: service.intake_queue(session, self.kiosk_id))
        if rows is not None:
            self.staff_queue.show_rows(rows)
            self.stack.setCurrentWidget(self.staff_queue)

    def _open_intake(self, intake_id: str) -> None:
        try:
            evidence = self._staff_do(lambda service, session: service.view_evidence(session, intake_id))
        except AccessError:  # a role that may not see evidence (the intake worker) stays where it is
            return
        if evidence is not None:
            self.staff_intake.show_evidence(evidence)
            self._show_decisions(evidence)
            self.stack.setCurrentWidget(self.staff_intake)

    def staff_summary(self, intake_id: str) -> None:
        """Export the intake's one-page summary to the data folder's exports (the service checks the role and
        audits it); the view says where it went, or the refusal."""
        out = summary_file(self.settings.enrollment.data_dir, intake_id)
        try:
            saved = self._staff_do(lambda service, session: export_summary_pdf(service, session, intake_id, out))
        except (AccessError, OSError) as exc:
            self.staff_intake.show_summary_refused(str(exc))
            return
        if saved is not None:
            self.staff_intake.show_summary_saved(str(saved))

    def _open_prints(self, person_id: str) -> None:
        intake_id = self.staff_intake.evidence.intake_id
        shown = self._staff_do(lambda service, session: service.view_match_evidence(session, intake_id, person_id))
        if shown is not None:
            self.staff_evidence.show_match(shown)
            self.stack.setCurrentWidget(self.staff_evidence)

    # -- the technician's view -----------------------------------------------------------------------------
    def _show_technician(self) -> None:
        """The health report (on the engine thread: it reads the record) and the key state (role-checked)."""
        keys = self._staff_do(lambda service, session: service.technician_status(session))
        if keys is None:
            return
        lines = self.engine.submit(self.status_lines).result(STAFF_CALL_S) if self.status_lines else []
        self.staff_technician.show_report(lines, keys)
        self.staff_technician.show_log(recent_lines())
        self.stack.setCurrentWidget(self.staff_technician)

    def _technician_scanner(self, name: str, run) -> None:  # type: ignore[no-untyped-def]
        """``run(worker)`` (a future) on the device worker's thread; its outcome is shown when it ends, unless the
        technician has logged out meanwhile."""
        view, session = self.staff_technician, self.staff_session
        if self.controller is None:
            view.show_scanner(False, QCoreApplication.translate(
                "KioskWindow", "Biometrics are off at this site: there is no scanner to test."))
            return
        view.show_scanner(True, QCoreApplication.translate("KioskWindow", "{0} running…").format(name))

        def done(future: Future) -> None:
            if self.staff_session is not session or future.cancelled():
                return
            exc = future.exception()
            if isinstance(exc, DriverError):
                view.show_scanner(False, f"{name}: {exc.technician_message}")
            elif exc is not None:
                raise exc
            else:
                view.show_scanner(True, f"{name}: {self._scanner_outcome(view, future.result())}")

        run(self.controller.worker).add_done_callback(lambda f: view.later(lambda: done(f)))

    @staticmethod
    def _scanner_outcome(view, result) -> str:  # type: ignore[no-untyped-def]
        if isinstance(result, str):  # a self-test's report
            return result
        view.show_image(result.image)  # a test capture: shown, never stored
        height, width = result.image.shape
        return f"{width} × {height} pixels at {result.resolution_dpi} dpi from {result.device.model}"

    def technician_self_test(self) -> None:
        self._technician_scanner("self-test", lambda worker: worker.self_test())

    def technician_test_capture(self) -> None:
        self.staff_technician.show_image(None)
        self._technician_scanner("test capture", lambda worker: worker.capture(0, timeout=TEST_CAPTURE_S))

    def technician_reader_test(self) -> None:
        """One read from the configured V-number reader, on a reader of its own (the participant's V-number screen
        is not shown in staff mode, so the device is free): the outcome names the reader and whether a valid
        V-number came, never its digits. It ends at the first event, after ``TEST_READ_S``, or at logout."""
        view = self.staff_technician
        self._stop_reader_test()
        settings = self.vnumber_reading.settings
        if not settings.configured:
            view.show_reader(True, QCoreApplication.translate(
                "KioskWindow", "no V-number reader is configured here: the keypad is the only way in."))
            return
        reading = self._reader_test = VNumberReading(settings, self)
        timer = self._reader_test_timer = QTimer(self)
        timer.setSingleShot(True)

        def finish(ok: bool, text: str) -> None:
            if self._reader_test is reading:
                self._stop_reader_test()
                view.show_reader(ok, f"{settings.kind}: {text}")

        reading.read.connect(lambda _digits: finish(True, QCoreApplication.translate(
            "KioskWindow", "a valid V-number was read (its digits are not shown)")))
        reading.failed.connect(lambda exc: finish(False, self._reader_failure(exc)))
        timer.timeout.connect(lambda: finish(False, QCoreApplication.translate(
            "KioskWindow", "nothing read in {0:.0f} s").format(TEST_READ_S)))
        view.show_reader(True, QCoreApplication.translate(
            "KioskWindow", "{0}: waiting for a letter or document…").format(settings.kind))
        timer.start(int(TEST_READ_S * 1000))
        reading.start()

    @staticmethod
    def _reader_failure(exc) -> str:  # type: ignore[no-untyped-def]
        """A reader's error for the technician: the device's own message where the device failed; for a read that
        gave nothing usable only its kind, since its text may quote the document (personal data)."""
        if isinstance(exc, ReaderUnavailableError):
            return exc.technician_message
        return f"{type(exc).__name__}: {exc.user_message}"

    def _stop_reader_test(self) -> None:
        reading, timer = self._reader_test, self._reader_test_timer
        self._reader_test = self._reader_test_timer = None
        if timer is not None:
            timer.stop()
        if reading is not None:
            reading.stop()
            reading.deleteLater()

    def technician_rotate_keys(self, passphrase: str) -> None:
        """Rotate the keys through the access service (it checks the role and audits it, as ``zuil keys rotate``)
        on the engine thread without waiting for it; the outcome and the new key state are shown when it ends,
        unless the session has ended meanwhile."""
        view, session = self.staff_technician, self.staff_session
        if session is None or self._rotation is not None:
            return

        def rotate():  # type: ignore[no-untyped-def]
            return self.access().rotate_keys(session, passphrase=passphrase or None)

        def done(future: Future) -> None:
            self._rotation = None
            if self.staff_session is not session:
                return
            exc = future.exception()
            if isinstance(exc, SessionEnded):
                self._leave_staff()
            elif isinstance(exc, (EnrollmentError, OSError)):
                view.refuse_rotation(str(exc))
            elif exc is not None:
                raise exc
            else:
                view.show_rotation(future.result())
                self._show_technician()

        self._rotation = self.engine.submit(rotate)
        self._rotation.add_done_callback(lambda f: view.later(lambda: done(f)))

    def _staff_idle_check(self) -> None:
        session = self.staff_session
        if self._rotation is not None:  # the engine thread is rotating: asking now would wait for it
            return
        if session is not None and self._staff_call(lambda service: service.idle_ended(session)):
            self._leave_staff()

    def staff_logout(self) -> None:
        session = self.staff_session
        if session is not None:
            self._staff_call(lambda service: service.logout(session))
        self._leave_staff()

    def _leave_staff(self) -> None:
        self.staff_session = None
        self.staff_idle.stop()
        self._stop_reader_test()
        self.staff_queue.show_rows([])
        self.staff_intake.show_evidence(None)
        self.staff_technician.clear()
        self.staff_intake.decision.show_decisions(None, [], frozenset())
        self.staff_evidence.show_match(None)
        self.bar.show()
        self.corner.show()
        self.corner.raise_()
        self.new_intake()

    # -- the officer's decision (kiosk/ui/staff/decision.py) ------------------------------------------------

    def _show_decisions(self, evidence: Evidence) -> None:
        flags = self._staff_do(lambda service, session: service.contra_indications(session, evidence.intake_id))
        if flags is not None:
            self.staff_intake.decision.show_decisions(evidence.intake_id, list(evidence.decisions), flags)

    def staff_decide(self, intake_id: str, decision: str, reason: str, flags: list) -> None:
        """Record the officer's decision and flags; a refusal shows the service's reason on the panel."""
        panel = self.staff_intake.decision

        def decide(service, session):  # type: ignore[no-untyped-def]
            view = service.record_decision(session, intake_id, OfficerDecision(decision), reason,
                                           contra_indications=[ContraIndication(flag) for flag in flags])
            return view, service.contra_indications(session, intake_id)

        try:
            done = self._staff_do(decide)
        except AccessError as exc:
            panel.refuse(str(exc))
            return
        if done is not None:
            panel.show_decision(*done)

    def staff_second_officer(self, name: str, secret: str) -> None:
        """A second officer logs in on the approval panel, confirms the pending decision and is logged out again;
        a refusal (a wrong PIN, the officer who made the decision, a role that may not confirm) shows its reason."""
        panel = self.staff_intake.decision
        pending, intake_id = panel.pending, panel.intake_id
        if pending is None or intake_id is None or self.staff_session is None:
            panel.second_officer.hide()
            return

        def confirm(service):  # type: ignore[no-untyped-def]
            second = service.login(name, secret)
            try:
                return (service.confirm_decision(second, pending.decision_id),
                        service.contra_indications(second, intake_id))
            finally:
                service.logout(second)

        try:
            view, flags = self._staff_call(confirm)
        except AccessError as exc:
            panel.second_officer.refuse(str(exc))
            return
        panel.show_decision(view, flags)
