"""The window's intake kept across a restart: after each step the participant completes, the flow is kept (sealed,
on the engine thread) in place of the snapshot before (:class:`~kiosk.pending_intake.PendingIntake`); a window that
starts while one is kept resumes it at its step, in its language, and shows and says that the kiosk restarted. A
mix-in of :class:`~kiosk.ui.window.KioskWindow`, which owns ``pending`` (None: nothing is kept), the engine, the
flow, the restart line (``resumed_note``) and the ``_resume_signal`` that brings the kept flow to the GUI thread."""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication

from kiosk.flow import Step
from kiosk.pending_intake import KEPT_STEPS, snapshot_bytes
from kiosk.ui.languages import KNOWN

log = logging.getLogger("kiosk.ui.window")  # the window's log: one logger for the whole window


class ResumingWindow:
    """Keeping and resuming the intake for the kiosk window."""

    def take_kept(self) -> None:
        """Read the kept flow (if any) on the engine thread; :meth:`_resume` gets it on the GUI thread."""
        if self.pending is not None:
            site = self.settings.enrollment
            taken = self.engine.submit(self.pending.take, languages=self.flow.languages, fingers=site.fingers,
                                       biometrics_enabled=self.flow.biometrics_enabled)
            taken.add_done_callback(self._resume_signal.emit)

    def _on_engine(self, job, *args) -> None:  # type: ignore[no-untyped-def]
        """``job(*args)`` on the engine thread (nothing without a pending store), its failure logged by type."""
        if self.pending is None or job is None:
            return
        done = self.engine.submit(job, *args)
        done.add_done_callback(lambda f: f.exception() and log.error(
            "the pending intake was not kept or removed: %s", type(f.exception()).__name__))

    def _keep(self) -> None:
        """The flow as it is now kept (sealed) in place of the snapshot before, where its step is one kept; back at
        the language screen, the snapshot removed."""
        if self.pending is not None and self.flow.step in KEPT_STEPS:
            self._on_engine(self.pending.keep, snapshot_bytes(self.flow, time.time()))
        elif self.flow.step is Step.LANGUAGE and self.flow.history:
            self._on_engine(self.pending and self.pending.forget)

    def _resume(self, taken: Future) -> None:
        """The kept flow (if any) in place of the untouched new one, at its step and in its language."""
        flow = None if taken.exception() is not None else taken.result()
        if taken.exception() is not None:
            log.error("the pending intake could not be read: %s", type(taken.exception()).__name__)
        if flow is None or self.flow.history or self.staff_session is not None:
            return  # nothing kept, or someone began meanwhile: their first step replaces the snapshot
        self.flow = flow
        self.language_switch.install(KNOWN[flow.language])
        self.show_step()
        line = QCoreApplication.translate("KioskWindow", "The kiosk restarted. You can go on where you were.")
        self.resumed_note.setText(line)
        self.resumed_note.show()
        self.speak_current()  # again, with the line first
