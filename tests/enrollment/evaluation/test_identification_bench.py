import math

import numpy as np
import pytest
from click.testing import CliRunner

from enrollment.evaluation import identification
from enrollment.evaluation.identification import Cohort, MatedSearch, Person, SizeResult
from enrollment.identification import MAX_CANDIDATES
from enrollment.matching import person_threshold
from enrollment.matching.parameters import IDENTIFY_FMR_PER_SEARCH
from enrollment.template import serialize
from kiosk.cli import main


@pytest.fixture(scope="module")
def small_run():
    synthetic = identification.synthetic_cohort(persons=3, searches=2, seed=7)
    # the first person's only search is its enrolled prints themselves: it must find that person first
    first = synthetic.persons[0]
    identical = Person("identical", first.enrolled, (dict(first.enrolled),))
    cohort = Cohort((*synthetic.persons[1:], identical), "test", real=False)
    probes = identification.nonmated_probes(5, seed=8)
    return cohort, identification.run_size(cohort, 30, probes, seed=9)


def test_counts_of_searches_and_gallery(small_run):
    cohort, result = small_run
    assert len(cohort.persons) == 3
    assert len(result.mated) == cohort.mated_searches == 2 + 2 + 1
    assert result.nonmated_real.size == (1 + 2) + (1 + 2) + (1 + 1)  # every impression, person left out
    assert result.nonmated_synthetic.size == 5
    assert result.gallery_persons == 30 + 3
    assert result.threshold == pytest.approx(person_threshold(IDENTIFY_FMR_PER_SEARCH, 33))


def test_a_search_with_the_enrolled_prints_ranks_its_mate_first_above_the_threshold(small_run):
    _, result = small_run
    (identical,) = [m for m in result.mated if m.person_id == "identical"]
    assert identical.rank == 1
    assert identical.score >= result.threshold


def test_the_report_and_the_plot_are_written(small_run, tmp_path):
    cohort, result = small_run
    lines = identification.table([result])
    assert any(line.strip().startswith("FNIR at threshold:") for line in lines)
    assert any("mate rank: 1: " in line for line in lines)
    written = identification.write_outputs([result], tmp_path / "out", "test")
    csv, png = written
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = csv.read_text().splitlines()
    assert len(rows) == 1 + len(result.mated) + result.nonmated.size
    assert any("SYNTHETIC ONLY" in line for line in identification.method(cohort, [result]))


def test_fnir_counts_a_mate_below_the_kiosk_list_as_a_miss_and_fpir_any_hit():
    mated = (MatedSearch("a", 1, 9.0), MatedSearch("b", MAX_CANDIDATES + 1, 9.0), MatedSearch("c", 1, 5.0),
             MatedSearch("d", None, -math.inf))
    result = SizeResult(10, 14, 8.0, mated, np.array([8.0, 7.9]), np.array([-math.inf, 1.0, 8.5]))
    assert result.fnir() == pytest.approx(3 / 4)
    assert result.fpir() == pytest.approx(2 / 5)
    assert result.fnir(threshold=4.0) == pytest.approx(2 / 4)
    assert dict(result.rank_counts()) == {"1": 2, "2": 0, "3-5": 0, "6-50": 1, ">50": 1}


def test_the_command_refuses_a_bad_gallery_size_in_one_line():
    result = CliRunner().invoke(main, ["bench", "identification", "--gallery-sizes", "ten"])
    assert result.exit_code == 2
    assert "comma-separated" in result.output


def test_the_bench_decides_as_the_kiosk_search_does(small_run):
    from enrollment.identification import search
    from enrollment.records.vocabulary import IdentificationDecision

    cohort, result = small_run
    index = identification.gallery(cohort, 30, seed=9)
    probes = [p for person in cohort.persons for p in person.searches] + identification.nonmated_probes(5, seed=8)
    for probe in probes:
        candidates = index.search(probe, limit=50)
        kiosk = search(index, {}, probe)
        assert kiosk.threshold == pytest.approx(result.threshold)
        bench_hit = bool(candidates) and candidates[0].fused_score >= result.threshold
        assert (kiosk.decision == IdentificationDecision.HIT) == bench_hit
        assert [c["person_id"] for c in kiosk.candidates] == [
            c.subject_id for c in candidates[:MAX_CANDIDATES] if c.fused_score >= result.threshold]


def test_enrolled_impressions_are_compared_on_the_same_searches():
    cohorts = [identification.synthetic_cohort(persons=2, searches=2, seed=7, impressions=k) for k in (1, 3)]
    one, three = cohorts
    def blobs(cohort):
        return [serialize(t) for p in cohort.persons for probe in p.searches for t in probe.values()]

    assert blobs(one) == blobs(three)
    assert [len(p.enrolled_prints()) for p in three.persons] == [3 * 2, 3 * 2]
    results = identification.run(cohorts, [20], nonmated=3)
    assert [(r.impressions, r.background, r.gallery_persons) for r in results] == [(1, 20, 22), (3, 20, 22)]
    assert [len(r.mated) for r in results] == [4, 4]
    assert results[1].nonmated_real.size == 2 * (3 + 2)  # every enrolled impression and every search, left out
    lines = identification.comparison(results)
    assert len(lines) == 3 and lines[2].split()[:2] == ["20", "3"]


def test_the_command_refuses_impossible_enrolled_impressions_in_one_line():
    for bad in ("0", "two", "1,9"):
        result = CliRunner().invoke(main, ["bench", "identification", "--enrolled-impressions", bad])
        assert result.exit_code == 2
        assert "--enrolled-impressions" in result.output
