"""Finger capture: which finger (hand diagram and words), the live image, a quality bar, an encouraging
message after a failed try, and "I can't give this finger" always offered."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout

from kiosk.ui.finger_names import finger_name
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.grey_image import grey_pixmap
from kiosk.ui.widgets.hand_diagram import HandDiagram


class CaptureScreen(Screen):
    name = "capture"
    cannot_give = Signal(int)

    def build(self) -> None:
        self.position: int | None = None
        self.counts = (0, 0, 0, 0)  # finger n of m, impression k of j
        self.title = self.label("title")
        self.which = self.label()
        self.progress = self.label("muted")
        self.hands = HandDiagram()
        self.hands.setMinimumHeight(self.theme.mm(70))
        self.column.addWidget(self.hands)
        self.pictograms.append(("picture_hands", self.hands))
        row = QHBoxLayout()
        row.setSpacing(self.theme.spacing)
        self.image = QLabel()
        self.image.setProperty("role", "image")
        side = self.theme.mm(100)
        self.image.setFixedSize(int(side * 256 / 288), side)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.image)
        self.quality_label = self.label(add=False)
        self.quality = QProgressBar()
        self.quality.setRange(0, 100)
        self.quality.setTextVisible(False)
        self.quality.setOrientation(Qt.Orientation.Horizontal)
        info = QVBoxLayout()
        info.addWidget(self.quality_label)
        info.addWidget(self.quality)
        info.addStretch(1)
        row.addLayout(info, 1)
        self.column.addLayout(row)
        self.message = self.label("message")
        self.message.hide()
        self.column.addStretch(1)
        self.skip = self.button("secondary")
        self.skip.clicked.connect(lambda: self.position is not None and self.cannot_give.emit(self.position))

    def show_finger(self, position: int, *, finger: int, fingers: int, impression: int, impressions: int,
                    done: set[int]) -> None:
        """Ask for ``position``: finger n of m, impression k of j; a new finger clears the last image and its
        quality (the next press of the same finger keeps them until its own arrives)."""
        if position != self.position:
            self.image.clear()
            self.quality.setValue(0)
        self.position, self.counts = position, (finger, fingers, impression, impressions)
        self.hands.show_finger(position, done)
        self.pictograms = [(f"picture_hands_{position}", self.hands)]  # recorded per finger
        self.retranslate()

    def show_image(self, image: np.ndarray) -> None:
        self.image.setPixmap(grey_pixmap(image).scaled(
            self.image.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def show_quality(self, quality: int) -> None:
        self.quality.setValue(max(0, min(100, quality)))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Place your finger on the scanner"))
        finger, fingers, impression, impressions = self.counts
        if self.position is not None:
            self.which.setText(self.tr("Now: your {finger}").format(finger=finger_name(self.position)))
            self.hands.setAccessibleName(self.tr("Picture of both hands: your {finger} is marked").format(
                finger=finger_name(self.position)))
            self.progress.setText(self.tr("Finger {0} of {1}, press {2} of {3}").format(
                finger, fingers, impression, impressions))
        self.quality_label.setText(self.tr("Image quality"))
        self.skip.setText(self.tr("I can't give this finger"))
