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
feed, from any process) is the one it was built at; otherwise it is built again from the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from enrollment import identification
from enrollment.consent import consent_text
from enrollment.matching import GalleryIndex
from enrollment.records import intakes
from enrollment.records.enrolled_prints import enrolled_prints, gallery_generation, keep_sketches, prints_for_vnumber
from enrollment.records.models import ConsentRecord
from enrollment.records.store import RecordStore
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
                 device_id: str, sender: Sender | None) -> tuple[str, ConsentRecord]:
    """The whole intake written at once, or not at all: consent (or refusal and its reason), captures (with their
    raw images where the site keeps them: ``keep_raw_images``), identifications, and (with a ``sender``) the signed
    envelopes that report them in the outbox; returns the intake id (the receipt number) and the consent record."""
    with store.transaction() as session:
        intake = intakes.start_intake(session, location_id=site.location, kiosk_id=site.kiosk_id,
                                      v_number=flow.vnumber, biometrics_enabled=site.biometrics_enabled)
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
        return intake.id, consent


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
        """Who signs the outbox's envelopes (None: no upstream key, nothing queued); opens the record first."""
        _ = self.store
        return self._sender

    def record(self, flow: IntakeFlow) -> str:
        """Store ``flow`` (at the processing step); returns the receipt number (the intake id)."""
        store = self.store
        intake_id, _ = store_intake(store, self.site, flow, identify(store, flow, self.gallery),
                                    device_id=self.device_id,
                                    sender=self._sender)
        return intake_id

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
            self.gallery = KeptGallery()  # the next store may hold another record
