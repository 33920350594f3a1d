"""The consent and information notice (GDPR art. 13 and art. 9) as shown to the participant, versioned.

The exact text shown is what the record hashes (SHA-256), so a text never changes under its version:
a changed text gets a new version, and the texts of earlier versions stay here word for word, so that the
version and hash in an older record can still be checked against what was shown. New intakes are shown
CURRENT_VERSION. This module holds the canonical texts and the languages they exist in (the intake screens,
not built yet, are to show them).
"""

from __future__ import annotations

from dataclasses import dataclass

from enrollment.errors import EnrollmentError

CURRENT_VERSION = "2026-12.1"
TEXT_ID = "lvv-intake-notice"  # the one text there is: the information notice with the consent question

_TEXTS: dict[str, dict[str, str]] = {
    # Superseded by 2026-11.2: it promised what this build does not do yet (prints stored encrypted, shared with
    # AVIM, kept no longer than the law allows: there is no encryption, sync or retention job yet).
    "2026-11.1": {
        "nl": (
            "Wat gebeurt er met uw gegevens?\n"
            "De LVV neemt uw vingerafdrukken om vast te stellen wie u bent en of u al eerder bij een LVV bent "
            "ingeschreven. De afdrukken worden versleuteld bewaard en gedeeld met de politie (AVIM). "
            "U mag weigeren; dan gaat de intake verder met een medewerker. Uw gegevens worden niet langer "
            "bewaard dan de wet toestaat. U kunt inzage, correctie of verwijdering vragen bij de medewerker."
        ),
        "en": (
            "What happens with your data?\n"
            "The LVV takes your fingerprints to establish who you are and whether you were registered at an "
            "LVV before. The prints are stored encrypted and shared with the police (AVIM). You may refuse; "
            "the intake then continues with a staff member. Your data is kept no longer than the law allows. "
            "You can ask the staff member to see, correct or delete your data."
        ),
    },
    # Superseded by 2026-12.1: it said the prints are not encrypted yet; since the sealed record they are.
    "2026-11.2": {
        "nl": (
            "Wat gebeurt er met uw gegevens?\n"
            "De LVV neemt uw vingerafdrukken om vast te stellen wie u bent en of u al eerder bent ingeschreven. "
            "Dit apparaat vergelijkt ze met de afdrukken die de LVV al heeft. "
            "De LVV bewaart uw afdrukken in een eigen computersysteem. Ze zijn nog niet versleuteld. "
            "De LVV kan ze delen met de politie (AVIM), maar dit apparaat verstuurt ze nog niet. "
            "U mag weigeren; dan gaat de intake verder met een medewerker. "
            "Dit apparaat verwijdert nog geen gegevens vanzelf. "
            "U kunt inzage, correctie of verwijdering vragen bij de medewerker."
        ),
        "en": (
            "What happens with your data?\n"
            "The LVV takes your fingerprints to find out who you are and whether you were registered before. "
            "This machine compares them with the prints the LVV already has. "
            "The LVV keeps your prints in its own computer system. They are not encrypted yet. "
            "The LVV may share them with the police (AVIM), but this machine does not send them yet. "
            "You may refuse; the intake then continues with a staff member. "
            "This machine does not delete any data by itself yet. "
            "You can ask the staff member to see, correct or delete your data."
        ),
    },
    # What this build does, in plain words (B1): prints, V-number and the link to the person stored encrypted on
    # this machine; nothing sent (sync/ is not built) and nothing deleted by itself (`zuil purge` deletes only when
    # run: by hand, or by its systemd timer once a technician enables it).
    CURRENT_VERSION: {
        "nl": (
            "Wat gebeurt er met uw gegevens?\n"
            "De LVV neemt uw vingerafdrukken om vast te stellen wie u bent en of u al eerder bent ingeschreven. "
            "Dit apparaat vergelijkt ze met de afdrukken die de LVV al heeft. "
            "Dit apparaat bewaart uw afdrukken en uw V-nummer versleuteld. "
            "De LVV kan ze delen met de politie (AVIM), maar dit apparaat verstuurt ze nog niet. "
            "U mag weigeren; dan gaat de intake verder met een medewerker. "
            "Dit apparaat verwijdert nog geen gegevens vanzelf. "
            "U kunt inzage, correctie of verwijdering vragen bij de medewerker."
        ),
        "en": (
            "What happens with your data?\n"
            "The LVV takes your fingerprints to find out who you are and whether you were registered before. "
            "This machine compares them with the prints the LVV already has. "
            "This machine stores your prints and your V-number encrypted. "
            "The LVV may share them with the police (AVIM), but this machine does not send them yet. "
            "You may refuse; the intake then continues with a staff member. "
            "This machine does not delete any data by itself yet. "
            "You can ask the staff member to see, correct or delete your data."
        ),
    },
}


class ConsentTextError(EnrollmentError):
    """No consent text exists for that version and language."""


@dataclass(frozen=True)
class ConsentText:
    version: str
    language: str
    text: str
    text_id: str = TEXT_ID


def consent_text(language: str, version: str = CURRENT_VERSION) -> ConsentText:
    try:
        return ConsentText(version, language, _TEXTS[version][language])
    except KeyError as exc:
        have = ", ".join(sorted(_TEXTS.get(version, {}))) or "none"
        raise ConsentTextError(
            f"no consent text for language {language!r} in version {version} (have: {have})"
        ) from exc


def languages(version: str = CURRENT_VERSION) -> tuple[str, ...]:
    return tuple(sorted(_TEXTS.get(version, {})))
