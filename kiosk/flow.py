"""The intake state machine, free of Qt: what the participant has done and what comes next.

The screens (kiosk/ui) show the current :class:`Step` and call the action methods; the headless demo drives
the same machine. An action that does not fit the current step raises :class:`FlowError`; a refused input
(a malformed V-number) raises its own typed error and leaves the state as it was.

Each finger is asked for ``impressions_per_finger`` good impressions (the kiosk's ``IMPRESSIONS_PER_FINGER``),
one after the other, before the next finger; every one is kept.

Biometrics are never the only way through (EN 301 549 5.3): a finger that cannot be captured after the allowed
failed attempts, or that the person cannot give (injured, missing), is skipped with a reason (keeping any
impression it already gave) and the intake continues to the officer with the V-number or without prints.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records.vocabulary import ConsentDecision
from enrollment.values.vnumber import VNumber, parse_vnumber

MAX_CAPTURE_ATTEMPTS = 3  # failed attempts allowed per finger


class FlowError(Exception):
    """An action was attempted in a step where it does not belong (a programming error in a screen)."""


class Step(StrEnum):
    LANGUAGE = "language"
    INFORMATION = "information"  # the art. 13 notice, also the consent text
    CONSENT = "consent"
    REFUSAL_REASON = "refusal_reason"
    VNUMBER = "vnumber"
    CAPTURE = "capture"
    PROCESSING = "processing"
    RECEIPT = "receipt"
    FINISHED = "finished"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Impression:
    quality: int
    template: bytes
    image: bytes | None = None  # the raw image as the record keeps it (PNG), given where the site keeps raw images


@dataclass
class FingerOutcome:
    position: int
    wanted: int = 1  # good impressions asked for
    attempts: int = 0
    failures: int = 0
    impressions: list[Impression] = field(default_factory=list)
    skipped_reason: str | None = None
    last_error: str | None = None

    @property
    def captured(self) -> bool:
        """At least one good impression was kept."""
        return bool(self.impressions)

    @property
    def complete(self) -> bool:
        return len(self.impressions) >= self.wanted

    def _best(self) -> Impression | None:
        return max(self.impressions, key=lambda i: i.quality) if self.impressions else None

    @property
    def quality(self) -> int | None:
        """The quality of the best kept impression."""
        best = self._best()
        return None if best is None else best.quality

    @property
    def template(self) -> bytes | None:
        """The best kept impression's template (the one a search is made with; the first of equal quality)."""
        best = self._best()
        return None if best is None else best.template


@dataclass
class IntakeFlow:
    languages: tuple[str, ...]
    fingers: tuple[int, ...]
    biometrics_enabled: bool = True
    max_attempts: int = MAX_CAPTURE_ATTEMPTS
    impressions_per_finger: int = IMPRESSIONS_PER_FINGER
    step: Step = Step.LANGUAGE
    language: str | None = None
    consent: ConsentDecision | None = None
    refusal_reason: str | None = None
    signature_strokes: list[list[tuple[float, float]]] = field(default_factory=list)
    vnumber: VNumber | None = None
    vnumber_declared_none: bool = False
    outcomes: dict[int, FingerOutcome] = field(default_factory=dict)
    history: list[Step] = field(default_factory=list)
    intake_id: str = field(default_factory=lambda: str(uuid.uuid4()))  # the intake's id once it is stored

    def __post_init__(self) -> None:
        if self.impressions_per_finger < 1 or self.max_attempts < 1:
            raise FlowError(f"need at least one impression and one attempt per finger, got "
                            f"{self.impressions_per_finger} and {self.max_attempts}")

    def _expect(self, *steps: Step) -> None:
        if self.step not in steps:
            raise FlowError(f"not possible in step {self.step.value}; expected {', '.join(s.value for s in steps)}")

    def _go(self, step: Step) -> None:
        self.history.append(self.step)
        self.step = step

    # -- language and information -------------------------------------------------------------------------
    def choose_language(self, language: str) -> None:
        self._expect(Step.LANGUAGE)
        if language not in self.languages:
            raise FlowError(f"language {language!r} is not offered here")
        self.language = language
        self._go(Step.INFORMATION)

    def acknowledge_information(self) -> None:
        self._expect(Step.INFORMATION)
        self._go(Step.CONSENT)

    # -- consent ------------------------------------------------------------------------------------------
    def give_consent(self, strokes: list[list[tuple[float, float]]]) -> None:
        self._expect(Step.CONSENT)
        self.consent, self.signature_strokes = ConsentDecision.GIVEN, [list(s) for s in strokes]
        self._go(Step.VNUMBER)

    def refuse_consent(self) -> None:
        self._expect(Step.CONSENT)
        self.consent = ConsentDecision.REFUSED
        self._go(Step.REFUSAL_REASON)

    def give_refusal_reason(self, reason: str) -> None:
        """A refusal ends the biometric part; intake goes on with the officer (no prints are taken)."""
        self._expect(Step.REFUSAL_REASON)
        self.refusal_reason = reason.strip() or "no reason given"
        self._go(Step.VNUMBER)

    # -- V-number -----------------------------------------------------------------------------------------
    def enter_vnumber(self, text: str) -> VNumber:
        self._expect(Step.VNUMBER)
        self.vnumber = parse_vnumber(text)  # raises VNumberError, state unchanged
        self.vnumber_declared_none = False
        self._after_vnumber()
        return self.vnumber

    def declare_no_vnumber(self) -> None:
        self._expect(Step.VNUMBER)
        self.vnumber, self.vnumber_declared_none = None, True
        self._after_vnumber()

    def _after_vnumber(self) -> None:
        if self.biometrics_enabled and self.consent is ConsentDecision.GIVEN:
            self.outcomes = {p: FingerOutcome(p, self.impressions_per_finger) for p in self.fingers}
            self._go(Step.CAPTURE)
        else:
            self._go(Step.PROCESSING)

    # -- capture ------------------------------------------------------------------------------------------
    @property
    def current_finger(self) -> int | None:
        for position in self.fingers:
            outcome = self.outcomes.get(position)
            if outcome and not outcome.complete and outcome.skipped_reason is None:
                return position
        return None

    def capture_succeeded(self, position: int, *, quality: int, template: bytes, image: bytes | None = None) -> None:
        """Keep a good impression (and its raw image, where one is given); the flow moves to the next finger once
        this one has all it asks for."""
        self._expect_finger(position)
        outcome = self.outcomes[position]
        outcome.attempts += 1
        outcome.impressions.append(Impression(quality, template, image))
        outcome.last_error = None
        self._advance_capture()

    def capture_failed(self, position: int, reason: str) -> bool:
        """Count a failed attempt; returns True when the person may try this finger again."""
        self._expect_finger(position)
        outcome = self.outcomes[position]
        outcome.attempts += 1
        outcome.failures += 1
        outcome.last_error = reason
        if outcome.failures >= self.max_attempts:
            kept = f", {len(outcome.impressions)} of {outcome.wanted} kept" if outcome.impressions else ""
            outcome.skipped_reason = f"no usable print after {outcome.failures} failed attempts{kept} ({reason})"
            self._advance_capture()
            return False
        return True

    def skip_finger(self, position: int, reason: str) -> None:
        """The person cannot give this finger (injured, missing, bandaged): go on without it."""
        self._expect_finger(position)
        self.outcomes[position].skipped_reason = reason.strip() or "cannot be given"
        self._advance_capture()

    def _expect_finger(self, position: int) -> None:
        self._expect(Step.CAPTURE)
        if position != self.current_finger:
            raise FlowError(f"finger {position} is not the one being captured ({self.current_finger})")

    def _advance_capture(self) -> None:
        if self.current_finger is None:
            self._go(Step.PROCESSING)

    @property
    def captured(self) -> dict[int, FingerOutcome]:
        return {p: o for p, o in self.outcomes.items() if o.captured}

    # -- end ----------------------------------------------------------------------------------------------
    def processing_done(self) -> None:
        self._expect(Step.PROCESSING)
        self._go(Step.RECEIPT)

    def finish(self) -> None:
        self._expect(Step.RECEIPT)
        self._go(Step.FINISHED)

    def cancel(self) -> None:
        """The person walks away or asks to stop: nothing more is asked; what was recorded is kept as aborted."""
        if self.step in (Step.FINISHED, Step.CANCELLED):
            raise FlowError(f"the intake is already {self.step.value}")
        self._go(Step.CANCELLED)

    def back(self) -> None:
        """One step back where that is meaningful (before anything was captured)."""
        allowed = {Step.INFORMATION: Step.LANGUAGE, Step.CONSENT: Step.INFORMATION,
                   Step.REFUSAL_REASON: Step.CONSENT, Step.VNUMBER: Step.CONSENT}
        if self.step not in allowed:
            raise FlowError(f"there is no way back from step {self.step.value}")
        self.history.append(self.step)
        self.step = allowed[self.step]
