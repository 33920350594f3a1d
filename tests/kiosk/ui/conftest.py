"""A kiosk window over the real stack: the simulated ZFM scanner on a pty behind the device worker, the demo's
encrypted record with a small demo gallery (and the planted returning person), the real flow."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import Qt

from drivers.simulator import FaultPlan
from drivers.vnumber.settings import VNumberReaderSettings
from enrollment.settings import Settings
from kiosk.settings import KioskSettings, SpeechSettings

WAIT_MS = 240_000  # only for hangs: the box is shared and loaded
QT_TOOLS = Path(PySide6.__file__).resolve().parent  # lupdate and lrelease ship inside the PySide6 wheel


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([str(QT_TOOLS / "lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)


@pytest.fixture(autouse=True)
def back_to_english():
    """Every test ends with the source language installed: the translator is the application's, not a window's."""
    yield
    from PySide6.QtCore import QCoreApplication

    from kiosk.ui.languages import KNOWN, LanguageSwitch

    if QCoreApplication.instance() is not None:
        LanguageSwitch().install(KNOWN["en"])


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The screens' .qm files, as `make` builds them (git-ignored): compiled here when absent or older than
    their .ts, so the tests pass under plain pytest on a fresh clone."""
    from kiosk.translation_status import TRANSLATIONS
    from kiosk.ui.languages import qm_path

    for ts in sorted(TRANSLATIONS.glob("zuil_*.ts")):
        qm = qm_path(ts.stem.removeprefix("zuil_"))
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            partial = qm.with_name(f"{qm.name}.{os.getpid()}.tmp")  # another run may read qm meanwhile
            lrelease(ts, partial)
            os.replace(partial, qm)
    return TRANSLATIONS


@pytest.fixture
def kiosk(qtbot, tmp_path):
    """``kiosk(**window_options)`` -> (window, parts); ``parts.faults`` is the simulator's fault plan."""
    from kiosk.ui.app import build_window, kiosk_parts

    made = []

    def make(*, returning: bool = True, large_text: bool = False, capture_timeout_s: float = 30.0,
             speech: bool = False, vnumber_reader: VNumberReaderSettings | None = None,
             keep_raw_images: bool = False, **options):  # type: ignore[no-untyped-def]
        # speech (off unless asked: it costs a synthesis per screen) plays on ALSA's null device
        settings = KioskSettings(enrollment=replace(Settings(), data_dir=tmp_path / "data",
                                                    keep_raw_images=keep_raw_images),
                                 speech=SpeechSettings(enabled=speech, device="null"),
                                 vnumber_reader=vnumber_reader or VNumberReaderSettings())
        faults = FaultPlan()
        parts = kiosk_parts(settings, simulate=True, gallery_persons=5, returning=returning, faults=faults,
                            link_dir=tmp_path, capture_timeout_s=capture_timeout_s)
        window = build_window(settings, parts, large_text=large_text, **options)
        window.resize(*window.theme.size_px)
        qtbot.addWidget(window)
        window.show()
        made.append((window, parts))
        return window, parts

    yield make
    for window, parts in made:
        window.shutdown()
        parts.close()


def tap(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_digits(qtbot, window, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        tap(qtbot, window.vnumber.keypad.keys[digit])
    tap(qtbot, window.vnumber.keypad.keys["K"])


def choose(qtbot, window, own_name: str) -> None:  # type: ignore[no-untyped-def]
    button = next(b for b in window.language.reading_order if b.text() == own_name)
    tap(qtbot, button)


def in_record(parts, query):  # type: ignore[no-untyped-def]
    """Run ``query(session)`` on the kiosk's record on its engine thread."""
    def run():  # type: ignore[no-untyped-def]
        with parts.recorder.store.transaction() as session:
            return query(session)
    return parts.engine.submit(run).result(WAIT_MS / 1000)
