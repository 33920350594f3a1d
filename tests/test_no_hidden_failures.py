"""The test suite cannot hide a failure: no import turned into a skip, nothing missing under CI a skip,
hypothesis derandomised everywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SOURCEAFIS_SAMPLES
from tests.missing import sample_folder

TESTS = Path(__file__).resolve().parent


def _calls_named(tree: ast.AST, name: str) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and (getattr(node.func, "attr", None) == name or getattr(node.func, "id", None) == name)]


def _skips_on_import_error(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            caught = {getattr(n, "id", None) for n in ast.walk(node.type)}
            if caught & {"ImportError", "ModuleNotFoundError"} and any(
                    _calls_named(statement, "skip") for statement in node.body):
                lines.append(node.lineno)
    return lines


def test_no_test_turns_an_import_error_into_a_skip():
    """The project's modules and its declared test dependencies are imported plainly: a broken import fails."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line in _calls_named(tree, "importorskip") + _skips_on_import_error(tree):
            found.append(f"{path.relative_to(TESTS.parent)}:{line}")
    assert not found, f"an import error would be a skip at: {', '.join(found)}"


def test_missing_sample_data_skips_but_fails_under_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"cannot run under CI: not found at .*shared/data/README"):
        sample_folder(tmp_path)
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="skipped: not found at"):
        sample_folder(tmp_path)


def test_the_sample_fixture_finds_the_shared_data_beside_the_checkout(sourceafis_samples):
    assert sourceafis_samples == SOURCEAFIS_SAMPLES and (sourceafis_samples / "probe.png").is_file()


def test_hypothesis_is_derandomised_for_every_test():
    assert settings.default.derandomize and settings.default.database is None and settings.default.deadline is None
    assert settings(max_examples=5).derandomize  # a test's own settings start from the profile
    runs: list[list[int]] = []

    @settings(max_examples=15)
    @given(st.integers())
    def draw(x: int) -> None:
        runs[-1].append(x)

    for _ in range(2):
        runs.append([])
        draw()
    assert runs[0] == runs[1] and len(set(runs[0])) > 5
