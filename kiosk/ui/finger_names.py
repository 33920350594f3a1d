"""The participant's names of the ten finger positions (ISO/IEC 19794 codes 1-10), through Qt's tr."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def finger_name(position: int) -> str:
    translate = QCoreApplication.translate  # named so: lupdate finds only `translate(` and `tr(` calls
    names = {
        1: translate("Fingers", "right thumb"), 2: translate("Fingers", "right index finger"),
        3: translate("Fingers", "right middle finger"), 4: translate("Fingers", "right ring finger"),
        5: translate("Fingers", "right little finger"), 6: translate("Fingers", "left thumb"),
        7: translate("Fingers", "left index finger"), 8: translate("Fingers", "left middle finger"),
        9: translate("Fingers", "left ring finger"), 10: translate("Fingers", "left little finger"),
    }
    return names[position]
