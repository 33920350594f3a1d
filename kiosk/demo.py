"""The scripted headless intake behind ``zuil demo``: one synthetic person through the real stack.

The same intake flow, record store, scanner driver (over a real pseudo-terminal to the simulator, fed by the
synthetic generator), extractor and matcher as the kiosk; the result is one JSON summary. Each record the intake
writes is reported by a signed envelope in the outbox (:mod:`sync.outbox`), in the same transaction, sealed to a
demo upstream key made in the demo folder (:mod:`sync.demo_upstream`). No Qt here.

The demo keeps its own record, an SQLite file in the ``demo`` folder of the data directory (never the kiosk's
record, whatever ``database_url`` says), sealed with the demo's own keys in that folder (made on the first run,
marked as demo keys and unsealed: they protect nothing, and are refused anywhere else). Each run first deletes
the intakes of earlier runs there, keeping the synthetic gallery, so every run with the same options tells the
same story.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drivers.errors import CaptureError
from drivers.manager import DeviceManager
from drivers.settings import ScannerSettings
from drivers.simulator.images import GeneratorSource
from enrollment import identification
from enrollment.errors import ExtractionError
from enrollment.extraction import extract
from enrollment.imaging.encode import kept_image
from enrollment.keys.demo_keys import open_demo_keys
from enrollment.keys.keyring import KeyRing
from enrollment.matching import fuse
from enrollment.matching import parameters as matching
from enrollment.records import intakes
from enrollment.records.models import ConsentRecord
from enrollment.records.receipt_code import receipt_code, shown
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import IdentificationDecision
from enrollment.settings import Settings
from enrollment.template import serialize
from enrollment.values.vnumber import VNumber
from kiosk.demo_gallery import enroll_earlier_visit, ensure_gallery, reset_demo_intakes
from kiosk.flow import IntakeFlow, Step
from kiosk.intake_record import identify, store_intake, vnumber_scores
from kiosk.settings import KioskSettings
from sync.demo_upstream import PUBLIC_FILE, demo_upstream_key
from sync.outbox import Sender
from sync.status import envelope_list, outbox_status

if TYPE_CHECKING:
    from kiosk.demo_delivery import DemoUpstream  # imported when delivering: HTTPS and the uploader

CAPTURE_TIMEOUT_S = 20.0
SIGNATURE = [[(0.10, 0.55), (0.30, 0.40), (0.50, 0.60), (0.70, 0.45), (0.90, 0.55)]]
DEMO_FOLDER = "demo"


def demo_settings(settings: Settings) -> Settings:
    """The settings with the demo's own record: an SQLite file in ``<data_dir>/demo``."""
    return replace(settings, data_dir=settings.data_dir / DEMO_FOLDER, database_url="")


def _scales(settings: Settings) -> dict[str, str]:
    ceiling = fuse({position: 1.0 for position in settings.fingers})
    return {
        "fused_neg_log10_fmr": f"-log10 of the person-level false-match rate of the fingers fused: 4 means one "
                               f"impostor person in 10,000 reaches it; at most {ceiling:.3f} with "
                               f"{len(settings.fingers)} fingers (each finger's rate floored at "
                               f"{matching.MIN_FINGER_FMR:g}), ties ranked by the summed per-finger scores",
        "per_finger_mcc": f"the matcher's score (MCC) of one finger in [0, 1]; {matching.FMR_1_IN_10000} is a "
                          f"false match rate of 1 in 10,000 for one finger",
    }


def synthetic_vnumber(seed: int) -> VNumber:
    """The demo person's V-number: ten digits from the seed (V-numbers have no public check digit)."""
    rng = random.Random(seed)
    return VNumber("".join(str(rng.randrange(10)) for _ in range(10)))


def run_demo(settings: KioskSettings, *, seed: int = 1, language: str = "en", returning: bool = True,
             gallery_persons: int = 1000, deliver: bool = False) -> dict[str, Any]:
    """Run one intake in the demo's own record (:func:`demo_settings`) and return its summary; with ``deliver``,
    its outbox is sealed to and delivered to a throw-away upstream on loopback (:mod:`kiosk.demo_delivery`)."""
    site = demo_settings(settings.enrollment)
    ring = open_demo_keys(site.data_dir)
    if not deliver:
        return _run(settings, site, ring, Sender(site.kiosk_id, ring, demo_upstream_key(site.data_dir)), seed=seed,
                    language=language, returning=returning, gallery_persons=gallery_persons)
    from kiosk.demo_delivery import demo_upstream

    with demo_upstream(site.kiosk_id, ring) as upstream:
        return _run(settings, site, ring, upstream.sender, seed=seed, language=language, returning=returning,
                    gallery_persons=gallery_persons, upstream=upstream)


def _run(settings: KioskSettings, site: Settings, ring: KeyRing, sender: Sender, *, seed: int, language: str,
         returning: bool, gallery_persons: int, upstream: DemoUpstream | None = None) -> dict[str, Any]:
    v_number = synthetic_vnumber(seed)
    store = RecordStore(site.database, ring)
    try:
        earlier = prepare_demo_record(store, site, seed=seed, v_number=v_number, returning=returning,
                                  gallery_persons=gallery_persons)
        flow = _person_at_the_kiosk(site, language, v_number)
        fingers = _capture_fingers(flow, site, settings.scanner, seed) if flow.step is Step.CAPTURE else []
        identified = identify(store, flow)
        flow.processing_done()
        intake_id, consent = store_intake(store, site, flow, identified, device_id="simulator", sender=sender)
        flow.finish()
        summary = _summary(site, intake_id=intake_id, v_number=v_number, consent=consent, fingers=fingers,
                           found=identified.found, searched=bool(identified.probe), vcheck=identified.vcheck,
                           earlier=earlier)
        if upstream is None:
            return {**summary, "outbox": _outbox(store, site)}
        from kiosk.demo_delivery import deliver

        delivered = deliver(store, ring, upstream)
        sealed_to = f"the throw-away upstream {upstream.registration.upstream_id}'s key"
        return {**summary, "outbox": {**_outbox(store, site), "delivered": delivered, "sealed_to": sealed_to}}
    finally:
        store.close()


def prepare_demo_record(store: RecordStore, site: Settings, *, seed: int, v_number: VNumber, returning: bool,
                    gallery_persons: int) -> str | None:
    """Before the person arrives: the intakes of earlier runs deleted, the locations, the gallery and, for a
    returning person, their earlier visit at another LVV (where it was, returned)."""
    reset_demo_intakes(store, site.kiosk_id)
    with store.transaction() as session:
        intakes.sync_locations(session, site.locations)
    if not site.biometrics_enabled:
        return None
    ensure_gallery(store, site, persons=gallery_persons)
    return enroll_earlier_visit(store, site, seed=seed, v_number=v_number) if returning else None


def _person_at_the_kiosk(site: Settings, language: str, v_number: VNumber) -> IntakeFlow:
    """The person chooses a language, reads the information, consents with a signature and types the
    V-number; the flow then waits for fingers (or goes on to processing at a site without biometrics)."""
    flow = IntakeFlow(languages=site.languages, fingers=site.fingers, biometrics_enabled=site.biometrics_enabled,
                      impressions_per_finger=matching.IMPRESSIONS_PER_FINGER)
    flow.choose_language(language if language in site.languages else site.languages[0])
    flow.acknowledge_information()
    flow.give_consent(SIGNATURE)
    flow.enter_vnumber(v_number.display())
    return flow


def _capture_fingers(flow: IntakeFlow, site: Settings, scanner: ScannerSettings, seed: int) -> list[dict[str, Any]]:
    """Capture every impression of every finger the flow asks for with the real ZFM driver against the simulator
    (which serves the fingers in the flow's order, the flow's impressions of each in a row)."""
    reports: list[dict[str, Any]] = []
    source = GeneratorSource(seed, fingers=len(site.fingers),  # the simulator renders presses ahead
                             presses_per_finger=flow.impressions_per_finger)
    with DeviceManager.for_kiosk(scanner, biometrics_enabled=site.biometrics_enabled, simulate=True,
                                 source=source) as manager:
        worker = manager.worker()
        try:
            while (position := flow.current_finger) is not None:
                try:
                    capture = worker.capture(position, timeout=CAPTURE_TIMEOUT_S).result(CAPTURE_TIMEOUT_S * 3)
                    template = extract(capture.image, dpi=capture.resolution_dpi, finger_position=position)
                except (CaptureError, ExtractionError) as exc:
                    flow.capture_failed(position, type(exc).__name__)
                    continue
                image = kept_image(capture.image, capture.resolution_dpi) if site.keep_raw_images else None
                flow.capture_succeeded(position, quality=template.quality, template=serialize(template), image=image)
                reports.append({"position": position, "quality": template.quality, "minutiae": len(template),
                                "device": f"{capture.device.driver}:{capture.device.serial}"})
        finally:
            worker.close()
    for position, outcome in flow.outcomes.items():
        if not outcome.captured:
            reports.append({"position": position, "skipped": outcome.skipped_reason})
    return reports


def _outbox(store: RecordStore, site: Settings) -> dict[str, Any]:
    """The demo kiosk's outbox after the intake: its envelopes (each run's chain starts at 1) and the chain's head."""
    with store.transaction() as session:
        status = outbox_status(session, site.kiosk_id)
        envelopes = envelope_list(session, site.kiosk_id)
    return {"queued": status["queued"], "envelopes": envelopes, "chain_head_sha256": status["chain_head_sha256"],
            "sealed_to": f"the demo upstream key {Path(site.data_dir) / PUBLIC_FILE} (a demo key: protects nothing)",
            "delivered": "not delivered: the demo has no upstream (`zuil demo --deliver` starts one; a registered "
                         "kiosk's `zuil sync run` delivers)"}


def _summary(site: Settings, *, intake_id: str, v_number: VNumber, consent: ConsentRecord,
             fingers: list[dict[str, Any]], found: identification.SearchOutcome, searched: bool,
             vcheck: identification.VNumberOutcome | None, earlier: str | None) -> dict[str, Any]:
    """The JSON summary ``zuil demo`` prints (``searched``: a finger was captured to search with)."""
    search: dict[str, Any] = {"decision": found.decision.value if searched else
                              IdentificationDecision.NOT_PERFORMED.value,
                              "gallery_persons": found.gallery_persons,
                              "threshold_neg_log10_fmr": round(found.threshold, 3),
                              "threshold_name": identification.SEARCH_THRESHOLD_NAME,
                              "candidates": found.candidates if searched else []}
    return {
        "demo_folder": str(Path(site.data_dir)),
        "intake_id": intake_id,
        "receipt_code": shown(receipt_code(intake_id)),  # what the done screen and the slip show
        "location": site.location,
        "v_number": str(v_number),
        "consent": {"decision": consent.decision.value, "language": consent.language,
                    "text_version": consent.text_version, "text_sha256": consent.text_sha256},
        "fingers": fingers,
        "identification": {
            "search": search,
            "vnumber_check": None if vcheck is None else {
                "decision": vcheck.decision.value, "threshold_name": identification.VERIFY_THRESHOLD_NAME,
                **vnumber_scores(vcheck), "held_prints": vcheck.held_fingers},
            "earlier_visit_enrolled_now_at": earlier,
        },
        "scales": _scales(site),
    }
