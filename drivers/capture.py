"""What a scanner yields: one finger's image with everything known about how it was taken."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np


@dataclass(frozen=True)
class DeviceInfo:
    driver: str  # "zfm", "libfprint", "simulator"
    vendor: str
    model: str
    serial: str
    firmware: str = ""
    resolution_dpi: int = 500
    image_width: int = 0
    image_height: int = 0


@dataclass(frozen=True, eq=False)
class Capture:
    """An 8-bit grey image (H x W, uint8, read-only) of one finger, with its provenance."""

    image: np.ndarray
    resolution_dpi: int
    device: DeviceInfo
    finger_position: int = 0  # ISO/IEC 19794 code; 0 = unknown
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    status: str = "ok"

    def __post_init__(self) -> None:
        if self.image.dtype != np.uint8 or self.image.ndim != 2:
            raise ValueError(f"a capture image is 2-D uint8, got {self.image.dtype} {self.image.shape}")
        self.image.setflags(write=False)
