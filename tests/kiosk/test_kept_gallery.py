"""The kiosk keeps its 1:N index between intakes (:class:`kiosk.intake_record.KeptGallery`) and builds it again
only when the record's gallery generation moved (migration 0012's triggers): a withdrawal, a new enrollment or a
feed delta, written through another store as another process would, is searched at once; nothing changed, nothing
is built. Real SQLite files and real keys; the triggers also on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text, update

from enrollment.keys.demo_keys import open_demo_keys
from enrollment.records import consents, intakes
from enrollment.records.enrolled_prints import gallery_generation
from enrollment.records.feed_prints import add_feed_person, remove_feed_person
from enrollment.records.models import CaptureRow, Intake, new_id
from enrollment.records.store import RecordStore, downgrade, make_engine, upgrade
from enrollment.settings import Settings
from enrollment.template import serialize
from kiosk.flow import IntakeFlow
from kiosk.intake_record import KeptGallery, identify, store_intake
from tests.enrollment.exchange.synthetic_intake import synthetic_print
from tests.enrollment.records.retention_records import consented

FINGERS = (2, 7)


def _flow() -> IntakeFlow:
    """The same synthetic person at every call, both fingers captured, consent given."""
    flow = IntakeFlow(languages=("en",), fingers=FINGERS, impressions_per_finger=1)
    flow.choose_language("en")
    flow.acknowledge_information()
    flow.give_consent([[(0.1, 0.1), (0.9, 0.9)]])
    flow.declare_no_vnumber()
    for position in flow.fingers:
        made = synthetic_print(position)
        flow.capture_succeeded(position, quality=made.template.quality, template=serialize(made.template))
    return flow


@pytest.fixture
def site(tmp_path):
    site = Settings(data_dir=tmp_path / "data")
    store = _store(site, tmp_path)
    try:
        with store.transaction() as session:
            intakes.sync_locations(session, site.locations)
    finally:
        store.close()
    return site


def _store(site, tmp_path) -> RecordStore:
    """A store of the site's record: each call another connection pool, as another process holds."""
    return RecordStore(site.database, open_demo_keys(tmp_path / "keys" / "demo"))


def _candidates(store, gallery) -> list[str]:
    return [c["person_id"] for c in identify(store, _flow(), gallery).found.candidates]


def _enrol(store, site, gallery=None) -> str:
    """The synthetic person's intake stored as the kiosk stores it (with ``gallery``: the kiosk's kept one);
    returns the intake id."""
    flow = _flow()
    flow.processing_done()
    intake_id, _ = store_intake(store, site, flow, identify(store, flow, gallery), device_id="sim", sender=None,
                                gallery=gallery)
    return intake_id


def _person(store, intake_id) -> str:
    from enrollment.records.intake_reads import person_id_of

    with store.transaction() as session:
        return person_id_of(session, session.get(Intake, intake_id))


def test_nothing_changed_nothing_is_built_again(site, tmp_path):
    store = _store(site, tmp_path)
    try:
        person = _person(store, _enrol(store, site))
        gallery = KeptGallery()
        assert _candidates(store, gallery) == [person]
        index = gallery.index
        assert _candidates(store, gallery) == [person] and _candidates(store, gallery) == [person]
    finally:
        store.close()
    assert gallery.builds == 1 and gallery.index is index


def test_a_withdrawal_by_another_process_takes_the_person_out_of_the_kept_index(site, tmp_path):
    store, other = _store(site, tmp_path), _store(site, tmp_path)
    try:
        intake_id = _enrol(store, site)
        gallery = KeptGallery()
        assert _candidates(store, gallery) == [_person(store, intake_id)]
        with other.transaction() as session:
            consents.withdraw_consent(session, intake_id)
        assert _candidates(store, gallery) == []
    finally:
        store.close()
        other.close()
    assert gallery.builds == 2


def test_a_new_enrollment_is_found_by_the_next_search(site, tmp_path):
    store = _store(site, tmp_path)
    try:
        gallery = KeptGallery()
        assert _candidates(store, gallery) == []
        person = _person(store, _enrol(store, site))
        assert _candidates(store, gallery) == [person]
    finally:
        store.close()
    assert gallery.builds == 2


def test_the_kiosks_own_intake_is_added_to_the_kept_index_without_a_build(site, tmp_path):
    store = _store(site, tmp_path)
    try:
        gallery = KeptGallery()
        person = _person(store, _enrol(store, site, gallery))
        assert _candidates(store, gallery) == [person]
        second = _person(store, _enrol(store, site, gallery))
        assert sorted(_candidates(store, gallery)) == sorted([person, second])
        assert gallery.builds == 1
        with store.transaction() as session:  # the same as a build from the record
            built, locations = KeptGallery().current(session)
        assert (len(gallery.index), gallery.index.subjects, gallery.locations) == (len(built), 2, locations)
    finally:
        store.close()


def test_an_own_intake_after_another_process_changed_the_gallery_builds_again(site, tmp_path):
    store, other = _store(site, tmp_path), _store(site, tmp_path)
    try:
        gallery = KeptGallery()
        assert _candidates(store, gallery) == []
        with other.transaction() as session:
            add_feed_person(session, origin="zuil-elders", person_id="feed-person-1", location_id="emmen",
                            entry_cursor=1, templates=[(p, serialize(synthetic_print(p).template)) for p in FINGERS])
        person = _person(store, _enrol(store, site, gallery))  # its identify built again: the feed is in
        assert gallery.builds == 2
        with other.transaction() as session:
            remove_feed_person(session, origin="zuil-elders", person_id="feed-person-1")
        flow = _flow()
        flow.processing_done()
        identified = identify(store, flow, gallery)  # built at the feed's removal
        with other.transaction() as session:  # between the search and the store, another process changes it
            add_feed_person(session, origin="zuil-elders", person_id="feed-person-2", location_id="emmen",
                            entry_cursor=2, templates=[(p, serialize(synthetic_print(p).template)) for p in FINGERS])
        second = _person(store, store_intake(store, site, flow, identified, device_id="sim", sender=None,
                                             gallery=gallery)[0])
        assert sorted(_candidates(store, gallery)) == sorted([person, second, "feed-person-2"])
        assert gallery.builds == 4
    finally:
        store.close()
        other.close()


def test_a_feed_delta_is_searched_at_once_and_its_removal_too(site, tmp_path):
    store, other = _store(site, tmp_path), _store(site, tmp_path)
    try:
        gallery = KeptGallery()
        assert _candidates(store, gallery) == []
        templates = [(p, serialize(synthetic_print(p).template)) for p in FINGERS]
        with other.transaction() as session:
            add_feed_person(session, origin="zuil-elders", person_id="feed-person-1", location_id="emmen",
                            entry_cursor=1, templates=templates)
        assert _candidates(store, gallery) == ["feed-person-1"]
        with other.transaction() as session:
            assert remove_feed_person(session, origin="zuil-elders", person_id="feed-person-1") == 2
        assert _candidates(store, gallery) == []
    finally:
        store.close()
        other.close()
    assert gallery.builds == 3


def _generation(store) -> int:
    with store.transaction() as session:
        return gallery_generation(session)


def _raised_by(store, change) -> bool:  # type: ignore[no-untyped-def]
    before = _generation(store)
    with store.transaction() as session:
        change(session)
    return _generation(store) > before


def _check_triggers(store) -> None:
    intake_id = consented(store, 1)  # intake, consent and capture inserts
    assert _generation(store) > 0
    feed = {}

    def add_feed(session):
        feed["row"] = add_feed_person(session, origin="o", person_id="p", location_id="emmen", entry_cursor=1,
                                      templates=[(2, b"t")]).id

    changes = {
        "capture template": lambda s: s.execute(update(CaptureRow).where(CaptureRow.intake_id == intake_id)
                                                .values(template_sealed=None)),
        "intake location": lambda s: s.execute(update(Intake).values(location_id="emmen")),
        "withdrawal": lambda s: consents.withdraw_consent(s, intake_id),
        "feed added": add_feed,
        "feed print changed": lambda s: s.execute(text("UPDATE feed_prints SET finger_position = 3")),
        "feed removed": lambda s: remove_feed_person(s, origin="o", person_id="p"),
        "purge": lambda s: consents.delete_intakes(s, Intake.id == intake_id),
    }
    assert {name: _raised_by(store, change) for name, change in changes.items()} == dict.fromkeys(changes, True)
    kept = consented(store, 2)
    unrelated = {  # what the gallery is not built from leaves the kept index current
        "capture quality": lambda s: s.execute(update(CaptureRow).values(quality=10)),
        "capture sketches": lambda s: s.execute(update(CaptureRow).values(sketch_sealed=None)),
        "intake status": lambda s: s.execute(update(Intake).where(Intake.id == kept).values(finished_at=None)),
        "new person row only": lambda s: s.execute(text(f"INSERT INTO persons (id, created_at) VALUES "
                                                        f"('{new_id()}', CURRENT_TIMESTAMP)")),
    }
    assert {name: _raised_by(store, change) for name, change in unrelated.items()} == dict.fromkeys(unrelated, False)


def test_the_triggers_raise_the_generation_on_sqlite(tmp_path, keyring):
    store = RecordStore(f"sqlite:///{tmp_path / 'records.sqlite3'}", keyring)
    try:
        _check_triggers(store)
    finally:
        store.close()


@pytest.mark.postgres
def test_the_triggers_raise_the_generation_on_postgresql(postgres_url, keyring):
    store = RecordStore(postgres_url, keyring)
    try:
        _check_triggers(store)
    finally:
        store.close()


def test_the_migration_goes_down_and_up_again_on_sqlite(tmp_path, keyring):
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    store = RecordStore(url, keyring)
    consented(store, 1)
    store.close()
    engine = make_engine(url)
    try:
        downgrade(url, "0011")
        assert "gallery_generation" not in inspect(engine).get_table_names()
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                           "AND name LIKE '%gallery%'")).scalar_one() == 0
        upgrade(url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                           "AND name LIKE '%gallery%'")).scalar_one() == 15
    finally:
        engine.dispose()
    store = RecordStore(url, keyring)
    try:
        assert _generation(store) == 0
        assert _raised_by(store, lambda s: consents.withdraw_consent(s, s.query(Intake.id).scalar()))
    finally:
        store.close()
