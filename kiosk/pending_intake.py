"""The intake in progress kept across a restart of the kiosk: one sealed snapshot of the flow in the data folder.

After each step the participant completes (language chosen, information read, consent decided, V-number given,
each impression captured or finger skipped, the intake handed to processing), the window keeps the flow here:
:func:`snapshot_bytes` writes it as JSON (templates and raw images base64) and :meth:`PendingIntake.keep` seals
it with AES-256-GCM under the kiosk's gallery data key (:class:`~enrollment.records.field_cipher.FieldCipher`,
bound to ``pending_intake.snapshot`` of the kiosk's id) and writes it atomically to ``<data dir>/pending-intake``
(:mod:`enrollment.atomic_files`), replacing the one before. There is one per kiosk; it is removed when the intake
is stored or discarded (the person finished, declined, cancelled or went away).

On start :meth:`PendingIntake.take` opens and parses it: a snapshot saved at most :data:`RESUME_WITHIN_S`
seconds ago gives the flow back at the step where it stopped; one that is older, does not open (altered,
truncated, sealed under other keys), does not parse, or does not fit the site's languages and fingers is
removed and logged with its :class:`PendingIntakeDiscarded` reason (never its content), and nothing is resumed.
Every flow gets its ``intake_id`` when it starts, so an intake whose processing was under way at the restart
is stored once (the recorder finds it already there). No Qt here; the window calls these on its engine thread.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from enrollment.atomic_files import write_bytes_atomically
from enrollment.errors import EnrollmentError, VNumberError
from enrollment.records.field_cipher import Field, FieldCipher, SealedFieldRefused
from enrollment.records.vocabulary import ConsentDecision
from enrollment.values.vnumber import parse_vnumber
from kiosk.flow import FingerOutcome, FlowError, Impression, IntakeFlow, Step

log = logging.getLogger(__name__)

FILE_NAME = "pending-intake"
FORMAT = 1
RESUME_WITHIN_S = 600.0  # a snapshot older than this (10 minutes) is discarded, not resumed
KEPT_STEPS = frozenset({Step.INFORMATION, Step.CONSENT, Step.REFUSAL_REASON, Step.VNUMBER, Step.CAPTURE,
                        Step.PROCESSING})  # the steps a flow is kept at; at any other the snapshot is removed


class PendingIntakeDiscarded(EnrollmentError):
    """The kept snapshot was not resumed; ``reason`` is one of ``expired``, ``unreadable`` (does not open),
    ``malformed`` (opens but does not parse) and ``mismatch`` (the site's languages or fingers changed)."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        super().__init__(f"pending intake discarded ({reason}): {detail}")


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def snapshot_bytes(flow: IntakeFlow, saved_at: float) -> bytes:
    """The flow at its current step as the snapshot's plaintext (sealed before it is written anywhere)."""
    return json.dumps({
        "format": FORMAT, "saved_at": saved_at, "intake_id": flow.intake_id, "step": flow.step.value,
        "fingers": list(flow.fingers), "biometrics_enabled": flow.biometrics_enabled,
        "max_attempts": flow.max_attempts, "impressions_per_finger": flow.impressions_per_finger,
        "language": flow.language, "consent": None if flow.consent is None else flow.consent.value,
        "refusal_reason": flow.refusal_reason, "signature_strokes": flow.signature_strokes,
        "vnumber": None if flow.vnumber is None else str(flow.vnumber),
        "vnumber_declared_none": flow.vnumber_declared_none,
        "outcomes": [{"position": o.position, "wanted": o.wanted, "attempts": o.attempts, "failures": o.failures,
                      "skipped_reason": o.skipped_reason, "last_error": o.last_error,
                      "impressions": [{"quality": i.quality, "template": _b64(i.template), "image": _b64(i.image)}
                                      for i in o.impressions]}
                     for o in flow.outcomes.values()],
        "history": [s.value for s in flow.history],
    }, separators=(",", ":")).encode()


def _malformed(detail: str) -> PendingIntakeDiscarded:
    return PendingIntakeDiscarded("malformed", detail)


def _get(raw: dict, key: str, kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
    """``raw[key]`` if it is of ``kind`` (a bool is no int here), else :class:`PendingIntakeDiscarded`."""
    value = raw.get(key)
    if value is None and optional:
        return None
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise _malformed(f"field {key!r} missing or of the wrong type")
    return value


def _bytes(value: object, key: str) -> bytes:
    if not isinstance(value, str):
        raise _malformed(f"field {key!r} is not base64 text")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise _malformed(f"field {key!r} is not base64 text") from None


def _outcome(raw: object) -> FingerOutcome:
    if not isinstance(raw, dict):
        raise _malformed("a finger's outcome is not an object")
    impressions = []
    for item in _get(raw, "impressions", list):
        if not isinstance(item, dict):
            raise _malformed("an impression is not an object")
        image = item.get("image")
        impressions.append(Impression(_get(item, "quality", int), _bytes(item.get("template"), "template"),
                                      None if image is None else _bytes(image, "image")))
    return FingerOutcome(_get(raw, "position", int), _get(raw, "wanted", int), _get(raw, "attempts", int),
                         _get(raw, "failures", int), impressions, _get(raw, "skipped_reason", str, optional=True),
                         _get(raw, "last_error", str, optional=True))


def _strokes(raw: object) -> list[list[tuple[float, float]]]:
    if not isinstance(raw, list) or not all(isinstance(s, list) for s in raw):
        raise _malformed("field 'signature_strokes' is not a list of strokes")
    strokes = []
    for stroke in raw:
        points = []
        for point in stroke:
            if not (isinstance(point, list) and len(point) == 2
                    and all(isinstance(c, int | float) and not isinstance(c, bool) for c in point)):
                raise _malformed("a signature point is not two numbers")
            points.append((float(point[0]), float(point[1])))
        strokes.append(points)
    return strokes


def parse_snapshot(plaintext: bytes, *, languages: tuple[str, ...], fingers: tuple[int, ...],
                   biometrics_enabled: bool, now: float, max_age_s: float = RESUME_WITHIN_S) -> IntakeFlow:
    """The flow a snapshot's plaintext holds, for a site offering ``languages`` and asking ``fingers``; raises
    :class:`PendingIntakeDiscarded` (``malformed``, ``expired`` or ``mismatch``) for anything else."""
    try:
        raw = json.loads(plaintext)
    except (ValueError, RecursionError):
        raise _malformed("not JSON") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise _malformed(f"not a snapshot of format {FORMAT}")
    try:
        age = now - float(_get(raw, "saved_at", (int, float)))
    except OverflowError:
        raise _malformed("field 'saved_at' out of range") from None
    if not 0 <= age <= max_age_s:  # a time in the future (or not a number) is no age either
        raise PendingIntakeDiscarded("expired", f"saved {age:.0f} s ago, resumed within {max_age_s:.0f} s")
    try:
        step = Step(_get(raw, "step", str))
        history = [Step(s) for s in _get(raw, "history", list)]
        consent = raw.get("consent")
        consent = None if consent is None else ConsentDecision(consent)
    except ValueError:
        raise _malformed("an unknown step or consent decision") from None
    if step not in KEPT_STEPS:
        raise _malformed(f"step {step.value} is not kept")
    if tuple(_get(raw, "fingers", list)) != tuple(fingers) or _get(raw, "biometrics_enabled", bool) \
            != biometrics_enabled:
        raise PendingIntakeDiscarded("mismatch", "the site's fingers or biometrics setting changed since")
    language = _get(raw, "language", str)
    if language not in languages:
        raise PendingIntakeDiscarded("mismatch", "the snapshot's language is no longer offered")
    try:
        flow = IntakeFlow(languages=tuple(languages), fingers=tuple(fingers), biometrics_enabled=biometrics_enabled,
                          max_attempts=_get(raw, "max_attempts", int),
                          impressions_per_finger=_get(raw, "impressions_per_finger", int))
    except FlowError:
        raise _malformed("attempts or impressions per finger out of range") from None
    vnumber = _get(raw, "vnumber", str, optional=True)
    try:
        flow.vnumber = None if vnumber is None else parse_vnumber(vnumber)
    except VNumberError:
        raise _malformed("the V-number is not one") from None
    flow.intake_id = _get(raw, "intake_id", str)
    flow.step, flow.history, flow.language, flow.consent = step, history, language, consent
    flow.refusal_reason = _get(raw, "refusal_reason", str, optional=True)
    flow.signature_strokes = _strokes(raw.get("signature_strokes"))
    flow.vnumber_declared_none = _get(raw, "vnumber_declared_none", bool)
    outcomes = [_outcome(o) for o in _get(raw, "outcomes", list)]
    flow.outcomes = {o.position: o for o in outcomes}
    _check_consistent(flow, len(outcomes))
    return flow


def _check_consistent(flow: IntakeFlow, outcome_count: int) -> None:
    """The step fits what the flow holds: the screens can show it and the flow's actions work from it."""
    step = flow.step
    given = flow.vnumber is not None or flow.vnumber_declared_none
    decided = flow.consent is ConsentDecision.GIVEN or (flow.consent is ConsentDecision.REFUSED
                                                      and flow.refusal_reason is not None)
    fits = {Step.INFORMATION: flow.consent is None and not given,
            Step.CONSENT: flow.consent is None and not given,
            Step.REFUSAL_REASON: flow.consent is ConsentDecision.REFUSED and not given,
            Step.VNUMBER: decided and not given,
            Step.CAPTURE: decided and given and flow.consent is ConsentDecision.GIVEN and flow.biometrics_enabled
            and flow.current_finger is not None,
            Step.PROCESSING: decided and given}[step]
    if step in (Step.CAPTURE, Step.PROCESSING) and flow.outcomes:
        fits = fits and outcome_count == len(flow.fingers) and set(flow.outcomes) == set(flow.fingers) \
            and all(o.wanted == flow.impressions_per_finger for o in flow.outcomes.values())
    elif flow.outcomes or step is Step.CAPTURE:
        fits = False
    if not fits:
        raise _malformed(f"what it holds does not fit step {step.value}")


class PendingIntake:
    """The kiosk's one pending-intake file in ``data_dir``, sealed under the gallery data key of ``cipher()``
    (called when first needed: on the kiosk the record's cipher, opened with the keys on the engine thread)."""

    def __init__(self, data_dir: str | os.PathLike[str], cipher: Callable[[], FieldCipher], kiosk_id: str, *,
                 max_age_s: float = RESUME_WITHIN_S, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._cipher, self.max_age_s, self.clock = cipher, max_age_s, clock
        self.where = Field("pending_intake", kiosk_id, "snapshot")

    def keep(self, plaintext: bytes) -> None:
        """Seal the snapshot's plaintext and write it in place of the one before, atomically."""
        write_bytes_atomically(self.path, self._cipher().seal(self.where, plaintext))

    def forget(self) -> None:
        """Remove the snapshot (the intake was stored or discarded); nothing to remove is fine."""
        self.path.unlink(missing_ok=True)

    def take(self, *, languages: tuple[str, ...], fingers: tuple[int, ...],
             biometrics_enabled: bool) -> IntakeFlow | None:
        """The flow to resume, or None: no snapshot, or one that was discarded (removed, reason logged)."""
        try:
            sealed = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            try:
                plaintext = self._cipher().open(self.where, sealed)
            except SealedFieldRefused as exc:
                raise PendingIntakeDiscarded("unreadable", "it does not open with this kiosk's keys") from exc
            return parse_snapshot(plaintext, languages=languages, fingers=fingers,
                                  biometrics_enabled=biometrics_enabled, now=self.clock(), max_age_s=self.max_age_s)
        except PendingIntakeDiscarded as exc:
            log.warning("%s", exc)
            self.forget()
            return None
