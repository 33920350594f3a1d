"""Start the Qt application: the kiosk window on the configured screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kiosk.settings import KioskSettings


class PlaceholderWindow(QWidget):
    """The kiosk window until the intake screens are built: says where it is and that it is not ready."""

    def __init__(self, settings: KioskSettings, *, simulate: bool) -> None:
        super().__init__()
        self.setWindowTitle("Aanmeldzuil")
        layout = QVBoxLayout(self)
        title = QLabel("Aanmeldzuil")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 48px; font-weight: 600;")
        where = settings.enrollment.location_record()
        body = QLabel(f"{where.name} · {settings.enrollment.kiosk_id}\n"
                      f"Scanner: {'simulated' if simulate else settings.scanner.driver}\n\n"
                      "The intake screens are not installed in this build.\nPlease ask a staff member.")
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setStyleSheet("font-size: 28px;")
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(1)
        self.setStyleSheet("background: #ffffff; color: #1a1a1a;")


def run_kiosk(settings: KioskSettings, *, simulate: bool, windowed: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = PlaceholderWindow(settings, simulate=simulate)
    if windowed:
        window.resize(1080, 1920 // 2)
        window.show()
    else:
        # without a window manager showFullScreen() keeps the natural size: take the screen's geometry first
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()
    return app.exec()
