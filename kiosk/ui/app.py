"""Start the Qt application: the kiosk window on the configured screen, with its scanner and record.

:func:`kiosk_parts` is the kiosk's composition: the scanner (the simulator with ``simulate``) on its device
worker, one engine thread for extraction and the record, and the record itself -- with ``simulate`` the
demo's own record, prepared at start as ``zuil demo`` prepares it (earlier runs' intakes deleted, the demo
gallery, the planted returning person, who is also the simulated person at the glass), else the kiosk's
record unlocked with its keys. :meth:`KioskParts.access` is the staff access service over that record and the
audit log in the site's data folder, opened at the first staff login; the officers' decisions it records are
queued in the same outbox as the intakes (:mod:`kiosk.decision_reports`). Each stored intake issues the
participant's receipt slip (:mod:`kiosk.ui.slip_printer`). The intake in progress is kept across a restart in the
site's data folder (:mod:`kiosk.pending_intake`), sealed with the record's cipher.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtWidgets import QApplication

from drivers.manager import DeviceManager
from drivers.simulator import FaultPlan
from drivers.simulator.images import GeneratorSource
from enrollment.access.service import AccessService
from enrollment.audit.log_store import AuditLog, audit_log_path
from enrollment.commands.keys import unlock_kiosk_keys
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records.store import RecordStore
from kiosk.decision_reports import outbox_hook
from kiosk.demo import demo_settings, prepare_demo_record, synthetic_vnumber
from kiosk.intake_record import IntakeRecorder
from kiosk.pending_intake import PendingIntake
from kiosk.recent_log import install as install_recent_log
from kiosk.selftest import check_fonts
from kiosk.settings import KioskSettings
from kiosk.speech.prompts import RecordedPrompts
from kiosk.status_report import report_lines, status_report
from kiosk.ui.capture_controller import CaptureController
from kiosk.ui.screen_speech import ScreenSpeech
from kiosk.ui.slip_printer import SlipPrinter, issue_slip
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow
from kiosk.upstream_reports import kiosk_sender
from sync.demo_upstream import demo_upstream_key
from sync.outbox import Sender
from sync.registration import is_registered
from sync.worker import UploadWorker

log = logging.getLogger(__name__)
DEMO_SEED = 1  # the simulated person at the glass: the demo's returning person


@dataclass
class KioskParts:
    manager: DeviceManager
    engine: ThreadPoolExecutor
    recorder: IntakeRecorder
    controller: CaptureController | None = None
    workers: list = field(default_factory=list)
    faults: FaultPlan | None = None  # the simulator's, where it runs
    _access: AccessService | None = None
    _audit: AuditLog | None = None

    def access(self) -> AccessService:
        """The access service over the record and the site's audit log; call it on the engine thread only."""
        if self._access is None:
            site = self.recorder.site
            self._audit = AuditLog(audit_log_path(site.data_dir))
            sender = self.recorder.sender
            self._access = AccessService(self.recorder.store, self._audit, site.accounts,
                                         on_decision=None if sender is None else outbox_hook(
                                             lambda: self.recorder.sender or sender))
        return self._access

    def _close_audit(self) -> None:
        if self._audit is not None:
            self._audit.close()

    def close(self) -> None:
        if self.controller is not None:
            self.controller.stop()
        for worker in self.workers:
            worker.close()
        self.engine.submit(self._close_audit).result()
        self.engine.submit(self.recorder.close).result()
        self.engine.shutdown()
        self.manager.close()


def kiosk_parts(settings: KioskSettings, *, simulate: bool, gallery_persons: int = 1000, returning: bool = True,
                faults: FaultPlan | None = None, link_dir: str | Path | None = None,
                capture_timeout_s: float = 20.0) -> KioskParts:
    site = settings.enrollment
    workers: list = []  # the uploader's, when registered, and the scanner's
    if simulate:
        site = demo_settings(site)
        manager = DeviceManager.for_kiosk(settings.scanner, biometrics_enabled=site.biometrics_enabled,
                                          simulate=True, faults=faults, link_dir=link_dir,
                                          source=GeneratorSource(DEMO_SEED, fingers=len(site.fingers),
                                                                 presses_per_finger=IMPRESSIONS_PER_FINGER))

        def prepare(store: RecordStore) -> None:
            prepare_demo_record(store, site, seed=DEMO_SEED, v_number=synthetic_vnumber(DEMO_SEED),
                                returning=returning, gallery_persons=gallery_persons)

        def open_demo_store() -> tuple[RecordStore, Sender]:
            ring = open_demo_keys(site.data_dir)
            return RecordStore(site.database, ring), Sender(site.kiosk_id, ring, demo_upstream_key(site.data_dir))

        recorder = IntakeRecorder(open_demo_store, site, device_id="simulator", prepare=prepare)
    else:
        manager = DeviceManager.for_kiosk(settings.scanner, biometrics_enabled=site.biometrics_enabled)
        def open_kiosk_store() -> tuple[RecordStore, Sender | None]:
            ring = unlock_kiosk_keys(site)
            if is_registered(site.data_dir):  # deliver upstream on a thread of its own (kiosk/ui never waits)
                workers.append(UploadWorker.for_kiosk(site.database, site.data_dir, ring))
            sender = kiosk_sender(settings, ring)
            if sender is None:
                log.warning("no [sync] upstream_public_key: intakes are stored but not queued for upstream")
            return RecordStore(site.database, ring), sender

        recorder = IntakeRecorder(open_kiosk_store, site,
                                  device_id=f"{settings.scanner.driver}:{settings.scanner.port}")
    engine = ThreadPoolExecutor(1, thread_name_prefix="kiosk-engine")
    opened = engine.submit(lambda: recorder.store)  # open the record (and make the demo gallery) before any intake
    opened.add_done_callback(lambda f: f.exception() and log.error("the record did not open: %s", f.exception()))
    parts = KioskParts(manager, engine, recorder, workers=workers, faults=manager.faults if simulate else None)
    if site.biometrics_enabled:
        worker = manager.worker()
        parts.workers.append(worker)
        parts.controller = CaptureController(worker, engine, timeout_s=capture_timeout_s,
                                             keep_images=site.keep_raw_images)
    return parts


def build_window(settings: KioskSettings, parts: KioskParts, *, large_text: bool = False,
                 **options) -> KioskWindow:  # type: ignore[no-untyped-def]
    theme = Theme.for_screen(settings.screen, large_text=large_text)
    speech = None
    if settings.speech.enabled:
        speech = ScreenSpeech(settings.speech, RecordedPrompts.in_data_dir(settings.enrollment.data_dir))
    site = replace(settings, enrollment=parts.recorder.site)  # the demo's record where it runs the demo
    pending = PendingIntake(site.enrollment.data_dir, lambda: parts.recorder.store.cipher, site.enrollment.kiosk_id)
    window = KioskWindow(settings, theme, controller=parts.controller, engine=parts.engine,
                         record=parts.recorder.record, speech=speech, access=parts.access,
                         kiosk_id=parts.recorder.site.kiosk_id, pending=pending,
                         status_lines=lambda: report_lines(status_report(site, scanner=False)), **options)
    slips = SlipPrinter(settings.slip, site.enrollment.data_dir, site.enrollment.location_record().name)
    window.recorded.connect(lambda number: issue_slip(slips, number))
    return window


def run_kiosk(settings: KioskSettings, *, simulate: bool, windowed: bool) -> int:
    install_recent_log(settings.enrollment.data_dir)  # warnings and errors to the journal, the last ones kept
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if (fonts := check_fonts(settings.enrollment, settings.flags)).status != "OK":  # boxes, not text: say so
        log.warning("fonts: %s", fonts.detail)
    parts = kiosk_parts(settings, simulate=simulate)
    window = build_window(settings, parts)
    try:
        if windowed:
            window.resize(540, 960)
            window.show()
        else:
            # without a window manager showFullScreen() keeps the natural size: take the screen's geometry first
            window.setGeometry(app.primaryScreen().geometry())
            window.showFullScreen()
        return app.exec()
    finally:
        window.shutdown()
        parts.close()
