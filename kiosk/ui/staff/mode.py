"""The window's staff mode: log in through the access service, show the staff views, leave on logout or when the
service says the session has ended (idle). A mix-in of :class:`~kiosk.ui.window.KioskWindow`, which owns the
widgets it uses (the PIN panel, the staff views, the idle timer, the engine thread); every service call runs on
the engine thread, where the record lives."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from enrollment.access.errors import AccessError, SessionEnded
from enrollment.access.roles import Role

STAFF_IDLE_CHECK_MS = 1000  # how often the window asks the access service whether the staff session is over
STAFF_CALL_S = 120  # only for hangs: the engine thread may be busy with an intake's identification


class StaffMode:
    """Staff login, views and logout for the kiosk window (texts in the window's translation context)."""

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
            self.stack.setCurrentWidget(self.staff_technician)
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
        evidence = self._staff_do(lambda service, session: service.view_evidence(session, intake_id))
        if evidence is not None:
            self.staff_intake.show_evidence(evidence)
            self.stack.setCurrentWidget(self.staff_intake)

    def _open_prints(self, person_id: str) -> None:
        intake_id = self.staff_intake.evidence.intake_id
        shown = self._staff_do(lambda service, session: service.view_match_evidence(session, intake_id, person_id))
        if shown is not None:
            self.staff_evidence.show_match(shown)
            self.stack.setCurrentWidget(self.staff_evidence)

    def _staff_idle_check(self) -> None:
        session = self.staff_session
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
        self.staff_queue.show_rows([])
        self.staff_intake.show_evidence(None)
        self.staff_evidence.show_match(None)
        self.bar.show()
        self.corner.show()
        self.corner.raise_()
        self.new_intake()
