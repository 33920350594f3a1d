import pytest

from enrollment.errors import VNumberError
from enrollment.matching.parameters import IMPRESSIONS_PER_FINGER
from enrollment.records.vocabulary import ConsentDecision
from kiosk.flow import FlowError, Impression, IntakeFlow, Step


def flow(**kw):
    kw.setdefault("impressions_per_finger", 1)
    return IntakeFlow(languages=("nl", "en", "ar"), fingers=(2, 7), **kw)


def to_vnumber(f, consent=True):
    f.choose_language("ar")
    f.acknowledge_information()
    if consent:
        f.give_consent([[(0.1, 0.1), (0.9, 0.9)]])
    else:
        f.refuse_consent()
        f.give_refusal_reason("  ")


def test_happy_path_with_vnumber_and_two_fingers():
    f = flow()
    to_vnumber(f)
    assert f.step is Step.VNUMBER
    f.enter_vnumber("1234 567 890")
    assert f.step is Step.CAPTURE and f.current_finger == 2
    f.capture_succeeded(2, quality=70, template=b"t2")
    assert f.current_finger == 7
    f.capture_succeeded(7, quality=65, template=b"t7")
    assert f.step is Step.PROCESSING and set(f.captured) == {2, 7}
    f.processing_done()
    f.finish()
    assert f.step is Step.FINISHED


def test_a_bad_vnumber_leaves_the_state_unchanged():
    f = flow()
    to_vnumber(f)
    with pytest.raises(VNumberError):
        f.enter_vnumber("12345")
    assert f.step is Step.VNUMBER and f.vnumber is None


def test_refusal_skips_biometrics_and_keeps_a_reason():
    f = flow()
    to_vnumber(f, consent=False)
    assert f.consent is ConsentDecision.REFUSED and f.refusal_reason == "no reason given"
    f.declare_no_vnumber()
    assert f.step is Step.PROCESSING and f.outcomes == {}


def test_biometrics_disabled_site_goes_straight_to_processing():
    f = flow(biometrics_enabled=False)
    to_vnumber(f)
    f.declare_no_vnumber()
    assert f.step is Step.PROCESSING


def test_failed_attempts_then_skip_so_biometrics_are_never_the_only_way():
    f = flow(max_attempts=2)
    to_vnumber(f)
    f.declare_no_vnumber()
    assert f.capture_failed(2, "too few features") is True
    assert f.capture_failed(2, "too few features") is False
    assert "after 2 failed attempts" in f.outcomes[2].skipped_reason
    f.skip_finger(7, "bandaged")
    assert f.step is Step.PROCESSING and f.captured == {}


def test_actions_out_of_order_are_refused():
    f = flow()
    with pytest.raises(FlowError):
        f.give_consent([])
    with pytest.raises(FlowError):
        f.choose_language("xx")
    to_vnumber(f)
    f.declare_no_vnumber()
    with pytest.raises(FlowError, match="not the one"):
        f.capture_succeeded(7, quality=1, template=b"")


def test_back_and_cancel():
    f = flow()
    f.choose_language("nl")
    f.back()
    assert f.step is Step.LANGUAGE
    f.cancel()
    assert f.step is Step.CANCELLED
    with pytest.raises(FlowError):
        f.cancel()


def test_the_kiosk_asks_for_its_impressions_per_finger():
    f = IntakeFlow(languages=("nl", "en", "ar"), fingers=(2, 7))
    to_vnumber(f)
    f.declare_no_vnumber()
    assert f.outcomes[2].wanted == f.impressions_per_finger == IMPRESSIONS_PER_FINGER


def test_every_finger_gives_all_its_impressions_before_the_next_and_all_are_kept():
    f = flow(impressions_per_finger=3)
    to_vnumber(f)
    f.declare_no_vnumber()
    for n in range(3):
        assert f.current_finger == 2
        f.capture_succeeded(2, quality=50 + 10 * n, template=b"t2-%d" % n)
    assert f.current_finger == 7
    f.capture_succeeded(7, quality=80, template=b"t7-0")
    f.capture_succeeded(7, quality=60, template=b"t7-1")
    assert f.step is Step.CAPTURE and f.current_finger == 7
    f.capture_succeeded(7, quality=80, template=b"t7-2")
    assert f.step is Step.PROCESSING
    assert f.outcomes[2].impressions == [Impression(50, b"t2-0"), Impression(60, b"t2-1"), Impression(70, b"t2-2")]
    # the search is made with the best kept impression (the first of equal quality)
    assert (f.outcomes[2].template, f.outcomes[2].quality) == (b"t2-2", 70)
    assert (f.outcomes[7].template, f.outcomes[7].quality) == (b"t7-0", 80)


def test_failed_attempts_count_between_good_impressions_and_a_finger_keeps_what_it_gave():
    f = flow(impressions_per_finger=2, max_attempts=2)
    to_vnumber(f)
    f.declare_no_vnumber()
    assert f.capture_failed(2, "smudged") is True
    f.capture_succeeded(2, quality=60, template=b"t2")
    assert f.current_finger == 2
    assert f.capture_failed(2, "too few features") is False  # the second failure of this finger: on to the next
    outcome = f.outcomes[2]
    assert outcome.captured and not outcome.complete and outcome.attempts == 3
    assert "after 2 failed attempts, 1 of 2 kept" in outcome.skipped_reason
    f.capture_succeeded(7, quality=70, template=b"t7")
    f.skip_finger(7, "bandaged")  # "I can't give this finger" after one impression: what it gave stays
    assert f.step is Step.PROCESSING
    assert {p: [i.template for i in o.impressions] for p, o in f.captured.items()} == {2: [b"t2"], 7: [b"t7"]}


def test_a_flow_without_impressions_is_refused():
    with pytest.raises(FlowError, match="at least one impression"):
        flow(impressions_per_finger=0)
