"""The participant's names of the ten finger positions (ISO/IEC 19794 codes 1-10), through Qt's tr."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def finger_name(position: int) -> str:
    t = QCoreApplication.translate
    names = {
        1: t("Fingers", "right thumb"), 2: t("Fingers", "right index finger"),
        3: t("Fingers", "right middle finger"), 4: t("Fingers", "right ring finger"),
        5: t("Fingers", "right little finger"), 6: t("Fingers", "left thumb"),
        7: t("Fingers", "left index finger"), 8: t("Fingers", "left middle finger"),
        9: t("Fingers", "left ring finger"), 10: t("Fingers", "left little finger"),
    }
    return names[position]
