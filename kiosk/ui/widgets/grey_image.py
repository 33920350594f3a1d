"""A scanner's 8-bit grey picture (numpy, rows × columns) as a Qt pixmap."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPixmap


def grey_pixmap(image: np.ndarray) -> QPixmap:
    picture = np.ascontiguousarray(image, dtype=np.uint8)
    height, width = picture.shape
    return QPixmap.fromImage(QImage(picture.data, width, height, width, QImage.Format.Format_Grayscale8).copy())
