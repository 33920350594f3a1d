"""What happens once the person has given what the flow asks: the prints searched and checked, the intake
written. Shared by the headless demo and the kiosk's processing screen; no Qt here.

:func:`identify` searches the captured prints in the record's gallery and checks them against the prints held
for the V-number; :func:`store_intake` writes the whole intake at once (consent or refusal with its reason,
captures, identifications) and returns the intake id, which is the receipt number. Neither touches the flow's
step: the caller moves it on.

The gallery index is shared by no thread: the kiosk's one engine thread (:class:`IntakeRecorder`, called there
only) builds it, searches it and keeps it between intakes in a :class:`KeptGallery`; no other thread reads or
changes it, so it takes no lock (:class:`~enrollment.shared_gallery.SharedGallery` is the locked one, for a
gallery that other threads change). The kept index is searched again only while the record's gallery generation
(:func:`~enrollment.records.enrolled_prints.gallery_generation`, raised by the database's own triggers on every
change the gallery is built from: this kiosk's intakes, ``zuil consent withdraw``, ``zuil purge``, the gallery
feed, from any process) is the one it was built at; otherwise it is built again from the record. The kiosk's own
intake adds its consented prints to the kept index when it is stored, where no other writer changed the gallery
since the index was current (:meth:`KeptGallery.add_own`), so the next intake does not build it either.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from enrollment import identification
from enrollment.consent import consent_text
from enrollment.errors import EnrollmentError
from enrollment.matching import GalleryIndex
from enrollment.records import intakes
from enrollment.records.enrolled_prints import (
    claim_generation,
    enrolled_prints,
    gallery_generation,
    keep_sketches,
    prints_for_vnumber,
)
from enrollment.records.intake_reads import person_id_of
from enrollment.records.models import ConsentRecord, Intake
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ConsentDecision
from enrollment.settings import Settings
from enrollment.template import Template, deserialize
from kiosk.flow import IntakeFlow
from sync.outbox import Sender, append
from sync.payloads import intake_reports


@dataclass(frozen=True)
class Identified:
    """The probe made of the captured prints, its search in the gallery and the V-number check (None when no
    prints are held for it or none was given)."""

    probe: dict[int, Template]
    found: identification.SearchOutcome
    vcheck: identification.VNumberOutcome | None


@dataclass
class KeptGallery:
    """The 1:N index and each person's locations as built from the record at ``generation`` (None: not built),
    kept for the next search; ``builds`` counts how often it was built."""

    index: GalleryIndex | None = None
    locations: dict[str, set[str]] = field(default_factory=dict)
    generation: int | None = None
    builds: int = 0

    def current(self, session: Session) -> tuple[GalleryIndex, dict[str, set[str]]]:
        """The index as the record in ``session`` holds the gallery: the kept one while the record's gallery
        generation is the one it was built at, else built again. The generation is read before the prints, so
        a change committed in between (PostgreSQL reads each statement afresh) makes the next search build again."""
        generation = gallery_generation(session)
        if self.index is None or generation != self.generation:
            index, locations = identification.build_index(enrolled_prints(session))
            self.index, self.locations, self.generation = index, locations, generation
            self.builds += 1
        return self.index, self.locations

    def add_own(self, held: int, generation: int, person_id: str, location_id: str,
                prints: list[tuple[int, bytes]]) -> None:
        """This kiosk's intake, committed: its consented prints (finger position, native template bytes) added to
        the kept index where it was current at ``held``, the generation before the intake's transaction changed
        anything (:func:`~enrollment.records.enrolled_prints.claim_generation`), so that transaction alone brought
        the record to ``generation``; otherwise left for the next search to build again."""
        if self.index is None or self.generation != held:
            return
        try:
            templates = [(position, deserialize(blob)) for position, blob in prints]
            self.index.extend((person_id, position, t) for position, t in templates)
        except EnrollmentError:
            self.index, self.generation = None, None  # the next search builds it from the record
            return
        if templates:
            self.locations.setdefault(person_id, set()).add(location_id)
        self.generation = generation


def identify(store: RecordStore, flow: IntakeFlow, gallery: KeptGallery | None = None) -> Identified:
    """The captured prints searched in the gallery (``gallery``'s kept index where it is current; none given:
    built for this search only), and checked against the prints held for the V-number."""
    probe = {pos: deserialize(o.template) for pos, o in flow.captured.items() if o.template}
    gallery = gallery if gallery is not None else KeptGallery()
    with store.transaction() as session:
        keep_sketches(session)  # the prints captured since the last search: their sketches kept for the next
        index, locations = gallery.current(session)
        found = identification.search(index, locations, probe)
        held = prints_for_vnumber(session, flow.vnumber) if flow.vnumber is not None else {}
    return Identified(probe, found, identification.check_vnumber(probe, held))


def vnumber_scores(vcheck: identification.VNumberOutcome) -> dict:
    return {"fused_neg_log10_fmr": vcheck.fused_score,
            "per_finger_mcc": {str(k): v for k, v in sorted(vcheck.per_finger.items())}}


def store_intake(store: RecordStore, site: Settings, flow: IntakeFlow, identified: Identified, *,
                 device_id: str, sender: Sender | None,
                 gallery: KeptGallery | None = None, intake_id: str | None = None) -> tuple[str, ConsentRecord]:
    """The whole intake written at once, or not at all: consent (or refusal and its reason), captures (with their
    raw images where the site keeps them: ``keep_raw_images``), identifications, and (with a ``sender``) the signed
    envelopes that report them in the outbox; returns the intake id (the receipt number) and the consent record.
    With a ``gallery``, its kept index gets the intake's consented prints (:meth:`KeptGallery.add_own`); with an
    ``intake_id``, the intake is stored under that id."""
    with store.transaction() as session:
        held = claim_generation(session)
        intake = intakes.start_intake(session, location_id=site.location, kiosk_id=site.kiosk_id,
                                      v_number=flow.vnumber, biometrics_enabled=site.biometrics_enabled,
                                      intake_id=intake_id)
        text = consent_text(flow.language)  # the text the information screen showed, in the chosen language
        consent = intakes.record_consent(session, intake, language=text.language, text_version=text.version,
                                         text=text.text, decision=flow.consent, refusal_reason=flow.refusal_reason,
                                         signature_strokes=flow.signature_strokes)
        for position, outcome in flow.outcomes.items():
            for kept in outcome.impressions:  # every kept impression is a print of the person
                intakes.add_capture(session, intake, finger_position=position, quality=kept.quality,
                                    template=kept.template, device_id=device_id,
                                    image=kept.image if site.keep_raw_images else None)
            if not outcome.captured:
                intakes.add_capture(session, intake, finger_position=position, quality=0, template=None,
                                    device_id=device_id, failure_reason=(outcome.skipped_reason or "")[:80])
        found, vcheck = identified.found, identified.vcheck
        if identified.probe:
            intakes.add_identification(session, intake, decision=found.decision,
                                       threshold_name=identification.SEARCH_THRESHOLD_NAME,
                                       gallery_size=found.gallery_persons, candidates=found.candidates)
        if vcheck is not None:
            intakes.add_identification(session, intake, decision=vcheck.decision,
                                       threshold_name=identification.VERIFY_THRESHOLD_NAME,
                                       gallery_size=1, candidates=[vnumber_scores(vcheck)])
        intakes.finish_intake(session, intake)
        if sender is not None:
            for report in intake_reports(session, intake):
                append(session, sender, report)
        intake_id, generation, person_id = intake.id, gallery_generation(session), person_id_of(session, intake)
        given = consent.decision is ConsentDecision.GIVEN  # only consented prints are in the gallery
    if gallery is not None:
        prints = [(position, kept.template) for position, outcome in flow.outcomes.items()
                  for kept in outcome.impressions if given and kept.template is not None]
        gallery.add_own(held, generation, person_id, site.location, prints)
    return intake_id, consent


class IntakeRecorder:
    """The kiosk's processing step: identify and store a finished flow in one record, on one thread (the
    caller's engine thread). ``open_store`` opens the record and says who signs its outbox's envelopes (None: no
    upstream key, nothing queued); ``prepare`` (optional) runs once before the first intake (the demo's gallery)."""

    def __init__(self, open_store, site: Settings, *, device_id: str, prepare=None) -> None:  # type: ignore[no-untyped-def]
        self._open_store, self.site, self.device_id, self._prepare = open_store, site, device_id, prepare
        self._store: RecordStore | None = None
        self._sender: Sender | None = None
        self.gallery = KeptGallery()  # the engine thread's index, kept between intakes

    @property
    def store(self) -> RecordStore:
        if self._store is None:
            self._store, self._sender = self._open_store()
            if self._prepare is not None:
                self._prepare(self._store)
        return self._store

    @property
    def sender(self) -> Sender | None:
        """Who signs the outbox's envelopes (None: no upstream key, nothing queued); opens the record first. It
        signs with the record's key ring as it is now: after a rotation (``AccessService.rotate_keys`` replaces
        the store's ring) with the new signing key."""
        ring = self.store.cipher.keyring
        if self._sender is not None and self._sender.ring is not ring:
            self._sender = replace(self._sender, ring=ring)
        return self._sender

    def record(self, flow: IntakeFlow) -> str:
        """Store ``flow`` (at the processing step) under its ``intake_id``; returns the receipt number (that id).
        An intake already stored under it (its processing was under way when the kiosk restarted) is not stored
        again."""
        store = self.store
        with store.transaction() as session:
            if session.get(Intake, flow.intake_id) is not None:
                return flow.intake_id
        intake_id, _ = store_intake(store, self.site, flow, identify(store, flow, self.gallery),
                                    device_id=self.device_id, sender=self.sender, gallery=self.gallery,
                                    intake_id=flow.intake_id)
        return intake_id

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self.gallery = KeptGallery()  # the next store may hold another record
