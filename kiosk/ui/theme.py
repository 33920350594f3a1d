"""Every size and colour of the participant's screens, in one place: sizes in millimetres on the configured
screen (:class:`~kiosk.settings.ScreenSettings`), turned into pixels here, so a touch target is at least
20 mm whatever the panel (EN 301 549 / the design's rule); text colours meet a contrast of 4.5:1 (checked by
``tests/kiosk/ui/test_theme.py`` with :func:`contrast_ratio`). ``large_text`` multiplies every text size
(2.0: the large-text mode). No Qt here: the stylesheet is a string.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kiosk.settings import ScreenSettings

TOUCH_TARGET_MM = 20.0  # the smallest touch target on a kiosk
LARGE_TEXT = 2.0  # the large-text mode's text factor

# Colours (sRGB hex). Text colours are paired with the backgrounds they are drawn on in TEXT_PAIRS.
BACKGROUND = "#ffffff"
TEXT = "#1a1a1a"
MUTED_TEXT = "#4a4a4a"
PRIMARY = "#0b4f8a"  # primary buttons' background
ON_PRIMARY = "#ffffff"
SECONDARY_BORDER = "#0b4f8a"
SECONDARY_TEXT = "#0b4f8a"
MESSAGE_BACKGROUND = "#fff4d6"  # encouraging messages and the idle warning
MESSAGE_TEXT = "#5c3600"
QUALITY_GOOD = "#1b7a3a"
PANEL = "#eef2f6"  # the live image's frame and the keypad display
OVERLAY_SHADE = "rgba(0, 0, 0, 150)"

TEXT_PAIRS: dict[str, tuple[str, str]] = {
    "body": (TEXT, BACKGROUND),
    "muted": (MUTED_TEXT, BACKGROUND),
    "primary button": (ON_PRIMARY, PRIMARY),
    "secondary button": (SECONDARY_TEXT, BACKGROUND),
    "message": (MESSAGE_TEXT, MESSAGE_BACKGROUND),
    "keypad display": (TEXT, PANEL),
}


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio (1..21) of two ``#rrggbb`` colours."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Theme:
    screen: ScreenSettings = field(default_factory=ScreenSettings)
    text_factor: float = 1.0

    @classmethod
    def for_screen(cls, screen: ScreenSettings, *, large_text: bool = False) -> Theme:
        return cls(screen, LARGE_TEXT if large_text else 1.0)

    @property
    def px_per_mm(self) -> float:
        s = self.screen
        return min(s.width_px / s.width_mm, s.height_px / s.height_mm)

    def mm(self, millimetres: float) -> int:
        return math.ceil(millimetres * self.px_per_mm)

    @property
    def touch_target(self) -> int:
        """The smallest side of anything a participant taps, in pixels."""
        return self.mm(TOUCH_TARGET_MM)

    def text_px(self, millimetres: float) -> int:
        """A font's pixel size for a nominal size in millimetres, times the text factor."""
        return self.mm(millimetres * self.text_factor)

    @property
    def body(self) -> int:
        return self.text_px(6.5)

    @property
    def title(self) -> int:
        return self.text_px(9.5)

    @property
    def button(self) -> int:
        return self.text_px(7.0)

    @property
    def margin(self) -> int:
        return self.mm(8.0)

    @property
    def spacing(self) -> int:
        return self.mm(4.0)

    @property
    def size_px(self) -> tuple[int, int]:
        return self.screen.width_px, self.screen.height_px

    def stylesheet(self) -> str:
        t = self.touch_target
        return f"""
KioskWindow, QStackedWidget, Screen {{ background: {BACKGROUND}; }}
QLabel {{ color: {TEXT}; font-size: {self.body}px; }}
QLabel[role="title"] {{ font-size: {self.title}px; font-weight: 600; }}
QLabel[role="muted"] {{ color: {MUTED_TEXT}; }}
QLabel[role="message"] {{ color: {MESSAGE_TEXT}; background: {MESSAGE_BACKGROUND}; border-radius: {self.mm(2)}px;
    padding: {self.mm(3)}px; }}
QLabel[role="display"] {{ background: {PANEL}; font-size: {self.title}px; padding: {self.mm(2)}px;
    border-radius: {self.mm(2)}px; }}
QLabel[role="image"] {{ background: {PANEL}; border-radius: {self.mm(2)}px; }}
TouchButton {{ min-height: {t}px; min-width: {t}px; border-radius: {self.mm(3)}px; padding: 0px; }}
TouchButton QLabel {{ font-size: {self.button}px; font-weight: 600; background: transparent; }}
TouchButton[role="primary"] {{ background: {PRIMARY}; border: {self.mm(0.8)}px solid {PRIMARY}; }}
TouchButton[role="primary"] QLabel {{ color: {ON_PRIMARY}; }}
TouchButton[role="secondary"] {{ background: {BACKGROUND}; border: {self.mm(0.8)}px solid {SECONDARY_BORDER}; }}
TouchButton[role="secondary"] QLabel {{ color: {SECONDARY_TEXT}; }}
QProgressBar {{ min-height: {self.mm(6)}px; border: 1px solid {MUTED_TEXT}; border-radius: {self.mm(1)}px;
    background: {PANEL}; text-align: center; color: {TEXT}; font-size: {self.body}px; }}
QProgressBar::chunk {{ background: {QUALITY_GOOD}; }}
Overlay {{ background: {OVERLAY_SHADE}; }}
QFrame[role="card"] {{ background: {MESSAGE_BACKGROUND}; border-radius: {self.mm(4)}px; }}
QLabel[role="cardtext"] {{ color: {MESSAGE_TEXT}; }}
"""
