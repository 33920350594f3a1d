"""``zuil screenshots``: every participant screen rendered offscreen, per language, to
``<out>/<language>/<screen>.png``, with sample content (no scanner, no record), checked for clipped or
overlapping text, and in a language whose translation is reviewed for text left in English, on the way. The
staff screens (the officer's queue, intake and a candidate's prints side by side, the technician's view:
:data:`STAFF_SCREENS`) are rendered too, in
:data:`STAFF_LANGUAGES` only (with ``large_text`` too), with the sample content of :mod:`kiosk.ui.staff_samples`."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

SCREENS = ("language", "information", "consent", "refusal_reason", "vnumber", "capture", "processing",
           "receipt", "desk", "desk_scanner", "idle", "staff")
STAFF_SCREENS = ("staff_queue", "staff_intake", "staff_evidence", "staff_technician")
STAFF_LANGUAGES = ("nl", "en")  # the staff views show the site's first language; their texts are in these two
SAMPLE_RECEIPT = "3f6c2a9e-5b1d-4c8e-9a07-d2e41b6f8c35"
#: A text that changed with the language is measured in one pass of the event loop and laid out in the next.
LAYOUT_PASSES = 3


def sample_print(size: tuple[int, int] = (288, 256)) -> np.ndarray:
    """A fingerprint-like ridge pattern for the capture screen's live image (no person's print)."""
    y, x = np.mgrid[0:size[0], 0:size[1]].astype(float)
    r = np.hypot(x - size[1] * 0.5, (y - size[0] * 0.55) * 0.8)
    ridges = 0.5 + 0.5 * np.sin(r / 3.2 + 0.002 * x * y / 10)
    mask = np.clip(1.4 - r / (size[1] * 0.45), 0, 1)
    return (255 - ridges * mask * 200).astype(np.uint8)


def present(window, name: str, language: str) -> object:  # type: ignore[no-untyped-def]
    """Show ``name`` on ``window`` with sample content; returns the widget that was put up."""
    from drivers.errors import MessyImageError
    from enrollment.consent import consent_text
    from kiosk.ui.scanner_messages import scanner_message
    from kiosk.ui.screens.desk import DECLINED, SCANNER

    window.idle.stop()
    window.staff.hide()
    show = window.stack.setCurrentWidget
    for part in (window.bar, window.corner):  # hidden in staff mode
        part.setVisible(name not in STAFF_SCREENS)
    if name in STAFF_SCREENS:
        return present_staff(window, name)
    if name == "information":
        window.information.show_text(consent_text(language).text)
    elif name == "vnumber":
        window.vnumber.reset()
        for digit in "12345":
            window.vnumber.keypad.digit.emit(digit)
    elif name in ("capture", "idle"):
        fingers = window.settings.enrollment.fingers
        window.capture.show_finger(fingers[0], finger=1, fingers=len(fingers), impression=2, impressions=3,
                                   done=set())
        window.capture.show_image(sample_print())
        window.capture.show_quality(62)
        window.capture.show_message(scanner_message(MessyImageError("sample")))
    elif name == "receipt":
        window.receipt.show_receipt(SAMPLE_RECEIPT)
    elif name.startswith("desk"):
        window.desk.show_reason(SCANNER if name == "desk_scanner" else DECLINED,
                                "" if name == "desk_scanner" else SAMPLE_RECEIPT)
    screen = window.screens.get(name.removesuffix("_scanner"), window.capture)
    show(screen)
    if name == "idle":
        window.idle.warn()
        window.idle.tick.stop()
        return window.idle
    if name == "staff":
        window.staff.open()
        return window.staff
    return screen


def present_staff(window, name: str) -> object:  # type: ignore[no-untyped-def]
    """Show the staff view ``name`` with the sample content of :mod:`kiosk.ui.staff_samples`."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.ui import staff_samples

    view = {"staff_queue": window.staff_queue, "staff_intake": window.staff_intake,
            "staff_evidence": window.staff_evidence, "staff_technician": window.staff_technician}[name]
    if name == "staff_queue":
        view.show_rows(staff_samples.queue_rows())
    elif name == "staff_intake":
        evidence = staff_samples.intake_evidence()
        view.show_evidence(evidence)
        view.decision.show_decisions(evidence.intake_id, list(evidence.decisions), frozenset())
    elif name == "staff_technician":
        view.show_report(*staff_samples.technician_report())
    else:
        view.show_match(staff_samples.match_evidence())
    # the rows the view replaced (on a language change too) are deleted later; the layout check must not see them
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.stack.setCurrentWidget(view)
    return view


def render_screenshots(settings, out: Path, *, large_text: bool = False) -> list[tuple[Path, list[str]]]:  # type: ignore[no-untyped-def]
    """Write every screen of every offered language; returns each file with its layout problems."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QCoreApplication, QEvent, QIODevice
    from PySide6.QtWidgets import QApplication

    from enrollment.atomic_files import write_bytes_atomically
    from kiosk.translation_status import SOURCE_LANGUAGE, read_messages, translation_status, ts_path
    from kiosk.ui.layout_check import layout_problems, untranslated_text
    from kiosk.ui.theme import Theme
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication(["zuil-screenshots"])
    theme = Theme.for_screen(settings.screen, large_text=large_text)
    window = KioskWindow(settings, theme)
    window.resize(*theme.size_px)
    window.show()
    written = []
    try:
        for language in window.languages:
            window.language_switch.install(language)
            complete = language.code != SOURCE_LANGUAGE and translation_status(language.code).reviewed
            sources = [m.source for m in read_messages(ts_path(language.code))] if complete else []
            staff = STAFF_SCREENS if language.code in STAFF_LANGUAGES else ()
            for name in SCREENS + staff:
                shown = present(window, name, language.code)
                for _ in range(LAYOUT_PASSES):
                    app.processEvents()
                buffer = QBuffer()
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                window.grab().save(buffer, "PNG")
                path = out / language.code / f"{name}.png"
                path.parent.mkdir(parents=True, exist_ok=True)
                write_bytes_atomically(path, bytes(buffer.data()), mode=None)
                written.append((path, layout_problems(shown) + untranslated_text(shown, sources)))
    finally:
        window.shutdown()
        window.language_switch.release()  # give the application back as it was, the window deleted now
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return written
