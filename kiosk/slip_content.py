"""What the participant's receipt slip says: the receipt code (printed as text and as a QR code, as on the done
screen), the location, the date and time, and "please go to the desk", in Dutch and English (the desk's language and
a common one; the screen has said the same in the participant's language). No Qt here: :mod:`kiosk.ui.slip_pages`
draws it.

The slip names nothing of the intake but its receipt number: not whether prints were taken, not the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from enrollment.records.receipt_code import receipt_code, shown

TITLE = ("Aanmeldzuil", "Ontvangstbewijs · Receipt")
NUMBER_CAPTION = "Uw nummer · Your receipt number"
GO_TO_THE_DESK = ("Ga nu naar de balie. Een medewerker helpt u verder.",
                  "Please go to the desk now. A staff member will help you further.")


@dataclass(frozen=True)
class ReceiptSlip:
    number: str  # the receipt code as the done screen shows it (two groups of four)
    code: str  # the same code as the QR code holds it (eight characters, as the done screen's QR code)
    location: str
    printed_at: datetime  # local time of the kiosk

    @property
    def when(self) -> str:
        """Date and time in numbers only (one form for every language)."""
        return self.printed_at.strftime("%d-%m-%Y %H:%M")

    @property
    def lines(self) -> tuple[str, ...]:
        """The slip's words in reading order (the QR code comes after the number)."""
        return (*TITLE, NUMBER_CAPTION, self.number, self.location, self.when, *GO_TO_THE_DESK)


def receipt_slip(intake_id: str, location: str, now: datetime) -> ReceiptSlip:
    """The slip of ``intake_id``: its receipt code (:mod:`enrollment.records.receipt_code`), the same as the done
    screen shows, as text and QR code."""
    code = receipt_code(intake_id)
    return ReceiptSlip(shown(code), code, location, now)
