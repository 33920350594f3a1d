"""The officer's one-page summary of an intake, exported as a PDF: the access service checks the role, assembles
the summary (no biometric data, no V-number) and audits the export; this draws it (:mod:`kiosk.ui.slip_pages`)
and writes it atomically. The staff view and ``zuil export summary`` both call :func:`export_summary_pdf`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from enrollment.access.service import AccessService
from enrollment.access.sessions import StaffSession
from enrollment.access.summary import IntakeSummary
from enrollment.atomic_files import write_bytes_atomically
from kiosk.summary_content import summary_page
from kiosk.ui.slip_pages import summary_pdf

EXPORTS = "exports"


def painting_application() -> QCoreApplication:
    """The running Qt application, or an offscreen one for the command line (fonts need one; no display does). A
    QApplication, so that widgets may still be made in the same process (the tests)."""
    return QApplication.instance() or QApplication(["zuil", "-platform", "offscreen"])


def summary_file(data_dir: Path, intake_id: str) -> Path:
    """Where the staff view saves an intake's summary: ``<data dir>/exports/intake-summary-<intake id>.pdf``."""
    return Path(data_dir) / EXPORTS / f"intake-summary-{intake_id}.pdf"


def export_summary_pdf(service: AccessService, staff: StaffSession, intake_id: str, out: Path, *,
                       clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> Path:
    """Write the intake's summary to ``out`` (mode 0600) as ``staff``; refused below the UI for a role that may
    not export it (:class:`~enrollment.access.errors.RoleRefused`)."""

    def write(summary: IntakeSummary) -> str:
        page = summary_page(summary, made_by=staff.name, made_at=clock())
        write_bytes_atomically(out, summary_pdf(page))
        return str(out)

    return Path(service.export_summary(staff, intake_id, write))
