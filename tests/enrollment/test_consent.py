"""The versioned consent texts: a published text never changes, older versions stay for the records that cite
them, and the text shown now promises nothing this build does not do."""

from __future__ import annotations

from sqlalchemy import select

from enrollment import consent
from enrollment.consent import consent_text
from enrollment.records import intakes
from enrollment.records.locations import DEFAULT_LOCATIONS
from enrollment.records.models import ConsentRecord
from enrollment.records.store import RecordStore
from enrollment.records.vocabulary import ConsentDecision

# SHA-256 of every text ever shown (what consent records keep). A changed text needs a new version, never a new
# hash here; a new version adds its hashes.
PUBLISHED = {
    "2026-11.1": {  # superseded: said the prints are stored encrypted and shared with AVIM
        "nl": "42ae07e188db6051518f32f7237bb546b5fd9344adbb6fdf022a8b0ed37e90ed",
        "en": "f280f4a293941e9e415743917a20d5a9d2479e9bd4f3a94e67936782819862d9",
    },
    "2026-11.2": {  # superseded: said the prints are not encrypted yet (true until the sealed record)
        "nl": "30034563661373118f48c0605446ef2dd4cc33ae42c064c4658661d357165ea2",
        "en": "5fb42e2451676aca15d0c073096a25ec7166812e3991c41be31ed2db96e39755",
    },
    "2026-12.1": {
        "nl": "c85ddecc440df5f25491dfd1cfb5ed36a08824169ada31ca9956240c05b76a97",
        "en": "968eb2465aced929ab1e7f2c4063c83f1a2c41659316547f50a94f510dcd7082",
    },
}


def test_every_published_text_is_kept_word_for_word():
    for version, hashes in PUBLISHED.items():
        assert consent.languages(version) == tuple(sorted(hashes))
        for language, digest in hashes.items():
            assert intakes.text_digest(consent_text(language, version).text) == digest, (version, language)


def test_new_intakes_are_shown_the_version_that_says_what_is_true():
    assert consent.CURRENT_VERSION == "2026-12.1" and consent.languages() == consent.languages("2026-11.1")
    en, nl = consent_text("en").text, consent_text("nl").text
    assert "stores your prints and your V-number encrypted" in en and "not encrypted" not in en
    assert "bewaart uw afdrukken en uw V-nummer versleuteld" in nl and "niet versleuteld" not in nl
    assert "but this machine does not send them yet" in en and "maar dit apparaat verstuurt ze nog niet" in nl
    assert "does not delete any data by itself yet" in en and "verwijdert nog geen gegevens vanzelf" in nl


def test_a_record_of_the_old_version_still_matches_its_text(sqlite_url, keyring):
    """A record written when 2026-11.1 was current, read after the change: its version finds the text it hashed."""
    records = RecordStore(sqlite_url, keyring)
    with records.transaction() as session:
        intakes.sync_locations(session, DEFAULT_LOCATIONS)
        intake = intakes.start_intake(session, location_id="utrecht", kiosk_id="zuil-utr-01", v_number=None)
        old = consent_text("en", "2026-11.1")
        intakes.record_consent(session, intake, language="en", text_version=old.version, text=old.text,
                               decision=ConsentDecision.GIVEN)
    with records.transaction() as session:
        (record,) = session.scalars(select(ConsentRecord)).all()
        shown = consent_text(record.language, record.text_version)
        assert intakes.text_digest(shown.text) == record.text_sha256 == PUBLISHED["2026-11.1"]["en"]
