"""Every size and colour of the participant's screens, in one place: sizes in millimetres on the configured
screen (:class:`~kiosk.settings.ScreenSettings`), turned into pixels here, so a touch target is at least
20 mm whatever the panel (EN 301 549 / the design's rule); text colours meet a contrast of 4.5:1 (checked by
``tests/kiosk/ui/test_theme.py`` with :func:`contrast_ratio`). ``large_text`` multiplies every text size
(2.0: the large-text mode); ``high_contrast`` swaps :data:`NORMAL` for :data:`HIGH_CONTRAST` (white and
yellow on black, every text pair at least 7:1). No Qt here: the stylesheet is a string.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from kiosk.settings import ScreenSettings

TOUCH_TARGET_MM = 20.0  # the smallest touch target on a kiosk
LARGE_TEXT = 2.0  # the large-text mode's text factor

# Colours (sRGB hex) of the normal mode. Text colours are paired with their backgrounds in Palette.text_pairs.
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


@dataclass(frozen=True)
class Palette:
    """The colours of one mode; the pictograms (which paint themselves) take theirs from here too."""

    background: str = BACKGROUND
    text: str = TEXT
    muted_text: str = MUTED_TEXT
    primary: str = PRIMARY
    on_primary: str = ON_PRIMARY
    secondary_border: str = SECONDARY_BORDER
    secondary_text: str = SECONDARY_TEXT
    message_background: str = MESSAGE_BACKGROUND
    message_text: str = MESSAGE_TEXT
    quality_good: str = QUALITY_GOOD
    panel: str = PANEL
    overlay_shade: str = OVERLAY_SHADE

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Each text colour with the background it is drawn on (the contrast tests read these)."""
        return {
            "body": (self.text, self.background),
            "muted": (self.muted_text, self.background),
            "primary button": (self.on_primary, self.primary),
            "secondary button": (self.secondary_text, self.background),
            "message": (self.message_text, self.message_background),
            "keypad display": (self.text, self.panel),
        }


NORMAL = Palette()
HIGH_CONTRAST = Palette(
    background="#000000", text="#ffffff", muted_text="#ffffff", primary="#ffff00", on_primary="#000000",
    secondary_border="#ffff00", secondary_text="#ffff00", message_background="#000000", message_text="#ffff00",
    quality_good="#00ff00", panel="#262626", overlay_shade="rgba(0, 0, 0, 220)",
)
TEXT_PAIRS = NORMAL.text_pairs()
HIGH_CONTRAST_MIN = 7.0  # WCAG's enhanced contrast (1.4.6), the high-contrast mode's floor


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
    high_contrast: bool = False

    @classmethod
    def for_screen(cls, screen: ScreenSettings, *, large_text: bool = False, high_contrast: bool = False) -> Theme:
        return cls(screen, LARGE_TEXT if large_text else 1.0, high_contrast)

    def with_modes(self, *, large_text: bool, high_contrast: bool) -> Theme:
        """This screen's theme in the given modes (the accessibility bar's switches)."""
        return replace(self, text_factor=LARGE_TEXT if large_text else 1.0, high_contrast=high_contrast)

    @property
    def large_text(self) -> bool:
        return self.text_factor >= LARGE_TEXT

    @property
    def palette(self) -> Palette:
        return HIGH_CONTRAST if self.high_contrast else NORMAL

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
        t, p = self.touch_target, self.palette
        return f"""
KioskWindow, QStackedWidget, Screen, AccessBar {{ background: {p.background}; }}
QLabel {{ color: {p.text}; font-size: {self.body}px; }}
QLabel[role="title"] {{ font-size: {self.title}px; font-weight: 600; }}
QLabel[role="muted"] {{ color: {p.muted_text}; }}
QLabel[role="heading"] {{ font-weight: 600; }}
QLabel[role="report"] {{ font-family: monospace; }}
QLabel[role="message"] {{ color: {p.message_text}; background: {p.message_background}; border-radius: {self.mm(2)}px;
    padding: {self.mm(3)}px; border: {self.mm(0.5) if self.high_contrast else 0}px solid {p.message_text}; }}
QLabel[role="display"] {{ background: {p.panel}; font-size: {self.title}px; padding: {self.mm(2)}px;
    border-radius: {self.mm(2)}px; }}
QLabel[role="image"] {{ background: {p.panel}; border-radius: {self.mm(2)}px; }}
QLineEdit {{ font-size: {self.body}px; }}
QRadioButton, QCheckBox {{ color: {p.text}; font-size: {self.body}px; spacing: {self.mm(3)}px;
    min-height: {t}px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {self.mm(7)}px; height: {self.mm(7)}px; }}
TouchButton {{ min-height: {t}px; min-width: {t}px; border-radius: {self.mm(3)}px; padding: 0px; }}
TouchButton QLabel {{ font-size: {self.button}px; font-weight: 600; background: transparent; }}
TouchButton[role="primary"] {{ background: {p.primary}; border: {self.mm(0.8)}px solid {p.primary}; }}
TouchButton[role="primary"] QLabel {{ color: {p.on_primary}; }}
TouchButton[role="secondary"] {{ background: {p.background}; border: {self.mm(0.8)}px solid {p.secondary_border}; }}
TouchButton[role="secondary"] QLabel {{ color: {p.secondary_text}; }}
QProgressBar {{ min-height: {self.mm(6)}px; border: 1px solid {p.muted_text}; border-radius: {self.mm(1)}px;
    background: {p.panel}; text-align: center; color: {p.text}; font-size: {self.body}px; }}
QProgressBar::chunk {{ background: {p.quality_good}; }}
Overlay {{ background: {p.overlay_shade}; }}
QFrame[role="card"] {{ background: {p.message_background}; border-radius: {self.mm(4)}px;
    border: {self.mm(0.8) if self.high_contrast else 0}px solid {p.message_text}; }}
QLabel[role="cardtext"] {{ color: {p.message_text}; }}
"""
