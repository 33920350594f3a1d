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
from enrollment.values.languages import LANGUAGE_CODES

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
        # drafts, added to this version unchanged in meaning; a reviewed wording will be a new version
        "am": "82a0fcd4398843aa3c870b90b08a07430153cb4ef62745c3dec83b3d56222272",
        "ar": "ec81bc57f9c3a374b29c824dcc799735dcbe8d40bab263b9f536ad70ee714dca",
        "ckb": "3b254e0f28c4e2c7387b8916e5279967e9f85d9dd993d9db50b0bf4e7e3d688d",
        "es": "386dc2262b3e7c60936aff516328410eedbb25ef419b804ec07b19e594ee4fae",
        "fa": "9d8ec0cf3da76404afac809c08c074840d0fe8daae468fa4483eaeff74090c77",
        "fr": "559c92dd4313fd95806b1b5b93e98a7e38dc828a5fc41b609db2121bf3b49d31",
        "ps": "76e74c87d8d809eac7679ecf31ea82ac6bd712d1f35ad43775b30e03baa62d65",
        "ru": "5a43807ff95eff8187a8657eb73d789781e8e74e76062060d2e5d7f0466dd625",
        "so": "ddf20123befca41686784f0aa0bf460a10d0aed3b042b8e8acdc3944dbcbd5e0",
        "ti": "d49b24595a133e8f93d5258510480c4b18b3d195869ad7a98719879cba52e7f4",
        "tr": "880b0cfc453be641185ed1339e3a68ce1eb8a75f43b2f95ee6f1b107a17f4def",
    },
}


def test_every_published_text_is_kept_word_for_word():
    for version, hashes in PUBLISHED.items():
        assert consent.languages(version) == tuple(sorted(hashes))
        for language, digest in hashes.items():
            assert intakes.text_digest(consent_text(language, version).text) == digest, (version, language)


def test_new_intakes_are_shown_the_version_that_says_what_is_true():
    assert consent.CURRENT_VERSION == "2026-12.1" and set(consent.languages()) == set(LANGUAGE_CODES)
    en, nl = consent_text("en").text, consent_text("nl").text
    assert "stores your prints and your V-number encrypted" in en and "not encrypted" not in en
    assert "bewaart uw afdrukken en uw V-nummer versleuteld" in nl and "niet versleuteld" not in nl
    assert "but this machine does not send them yet" in en and "maar dit apparaat verstuurt ze nog niet" in nl
    assert "does not delete any data by itself yet" in en and "verwijdert nog geen gegevens vanzelf" in nl


def test_only_the_original_texts_count_as_reviewed_and_every_draft_keeps_the_facts():
    reviewed = {language for language in consent.languages() if consent_text(language).reviewed}
    assert reviewed == {"nl", "en"}
    for language in consent.languages():
        text = consent_text(language).text
        assert "LVV" in text and "(AVIM)" in text, language  # names, not translated
        assert "V" in text.replace("LVV", "").replace("AVIM", ""), language  # the V-number


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
