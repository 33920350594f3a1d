"""Every ``zuil`` command under generated arguments: exit status 0, 1 or 2, at most a one-line error, never a
traceback.

The command tree is walked, so a new command is fuzzed without touching this file. Each example runs in-process
(click's CliRunner) in a fresh folder holding a small pool of files: a synthetic fingerprint image, a native
and an ISO template, a text file, an empty file, a folder, a regular file where a folder is expected, and the
data folder.

Commands that run for minutes, open a window, serve forever or start the simulated scanner (seconds each)
get only ``--help`` or arguments that begin with an unknown option, which click refuses before the command
runs: ``kiosk`` (a Qt window), ``simulator`` (serves until interrupted), ``demo`` (a whole intake), ``bench``,
``calibrate`` and ``synth`` (minutes), ``keys bench`` (Argon2id runs), ``upstream serve`` (serves until stopped) and
``bench sync`` (starts an upstream), and ``selftest``, ``status``, ``scanner test`` and ``scanner capture`` (the
simulator). Their argument checks are tested with them (``demo``'s in
tests/kiosk/test_cli.py). Paths are relative and generated text holds no "/", so nothing is written outside the
example's temporary folder.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli import main

LIMITED = {("kiosk",), ("simulator",), ("demo",), ("bench", "accuracy"), ("bench", "speed"),
           ("bench", "identification"), ("bench", "gallery"), ("calibrate",), ("keys", "bench"),
           ("synth",), ("selftest",), ("status",), ("scanner", "test"), ("scanner", "capture"),
           ("upstream", "serve"), ("bench", "sync")}
UNKNOWN_OPTION = "--no-such-option-anywhere"

POOL_FILES = ["finger.png", "finger.tpl", "finger.iso", "notes.txt", "empty.bin", "afile"]
# relative paths only, inside each example's own folder: a generated output path must never reach a real file
POOL_PATHS = [*POOL_FILES, "folder", "afile/under.tpl", "missing/x.png", "data", "new.png", "."]
WORDS = ["-1", "0", "1", "2", "3", "10", "65536", "1e9", "nan", "-0.5", "", "-", "--", "xx", "en", "nl", "ar",
         "base", "head", "nonsense", "zuil", "nbis", "é", "a,b", "--help"]
# argv cannot hold a NUL byte; "/" is left out so that no generated path leaves the example's folder
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="/\x00"), max_size=6)
VALUE = st.one_of(st.sampled_from(POOL_PATHS), st.sampled_from(WORDS), st.integers(-3, 10**6).map(str), TEXT)


def _leaves(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _leaves(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = list(_leaves(main))


def _options(command: click.Command) -> list[str]:
    return sorted(o for p in command.params if isinstance(p, click.Option) for o in (*p.opts, *p.secondary_opts))


def _value_for(param: click.Parameter):
    """Values of the parameter's own type, odd ones included (wrong paths, negative numbers, NaN)."""
    kind = param.type
    if isinstance(kind, click.Path):
        own = st.sampled_from(POOL_PATHS)
    elif isinstance(kind, click.Choice):
        own = st.sampled_from(list(kind.choices))
    elif isinstance(kind, click.IntRange):
        low = kind.min if kind.min is not None else -2
        own = st.integers(low, kind.max if kind.max is not None else low + 3000).map(str)
    elif isinstance(kind, click.types.IntParamType):
        own = st.one_of(st.integers(-2, 12), st.integers(-10**6, 10**6)).map(str)
    elif isinstance(kind, click.types.FloatParamType):
        own = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(str), st.sampled_from(["1e-3", "0.5"]))
    else:
        own = VALUE
    return own


def _plausible(command: click.Command):
    """Each option left out or given once with a value of its kind, then the arguments, mostly pool paths."""
    parts = []
    for param in command.params:
        if isinstance(param, click.Option) and (param.is_flag or param.count):
            parts.append(st.sampled_from([[], *([opt] for opt in (*param.opts, *param.secondary_opts))]))
        elif isinstance(param, click.Option):
            parts.append(st.one_of(st.just([]), _value_for(param).map(lambda v, o=param.opts[-1]: [o, v])))
    for param in command.params:
        if isinstance(param, click.Argument):
            count = 1 if param.nargs == 1 else param.nargs
            parts.append(st.lists(_value_for(param), min_size=max(count, 1) if count > 0 else 1,
                                  max_size=count if count > 0 else 3))
    return st.tuples(*parts).map(lambda lists: [token for tokens in lists for token in tokens])


def _arguments(command: click.Command):
    """Mostly argument lists of the right shape (the command runs), sometimes a jumble of options and values."""
    options = _options(command)
    pieces = [st.tuples(VALUE)]
    if options:
        pieces += [st.tuples(st.sampled_from(options), VALUE), st.tuples(st.sampled_from(options))]
    jumble = st.lists(st.one_of(*pieces), max_size=6).map(lambda parts: [token for part in parts for token in part])
    return st.one_of(_plausible(command), _plausible(command), jumble)


def _refused_before_running():
    return st.one_of(st.just(["--help"]), st.lists(VALUE, max_size=4).map(lambda rest: [UNKNOWN_OPTION, *rest]))


ROOT_OPTIONS = st.one_of(st.just([]), st.tuples(st.sampled_from(["--config", "--data-dir"]), VALUE).map(list))


@pytest.fixture(scope="module")
def pool(tmp_path_factory) -> Path:
    """A folder with the pool files, made once: a synthetic print (no real person's) and its templates."""
    import cv2

    from enrollment.extraction import extract
    from enrollment.synthesis.generator import render_impression, synthesize_master
    from enrollment.template import serialize, to_iso

    folder = tmp_path_factory.mktemp("pool")
    image = render_impression(synthesize_master(7, 0), 7, 0, 160, 192).image
    template = extract(image, dpi=500)
    ok, png = cv2.imencode(".png", image)
    assert ok
    files = {"finger.png": png.tobytes(), "finger.tpl": serialize(template), "finger.iso": to_iso(template),
             "notes.txt": b"a,b\nnot,pairs\n", "empty.bin": b"", "afile": b"a file where a folder is expected"}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "folder").mkdir()
    assert sorted(files) == sorted(POOL_FILES)
    return folder


def _check(pool: Path, args: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="zuil-fuzz-") as scratch:
        here = Path(scratch) / "here"
        shutil.copytree(pool, here)
        with contextlib.chdir(here):  # every relative path, generated ones too, stays in this folder
            result = CliRunner(env={"ZUIL_CONFIG": None, "ZUIL_DATA_DIR": None}).invoke(
                main, ["--data-dir", str(here / "data"), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.output, (args, result.output)
    lines = result.stderr.rstrip("\n").split("\n")
    errors = [line for line in lines if line.startswith(("Error:", "zuil:"))]
    assert len(errors) <= 1, (args, result.stderr)
    if errors:
        assert lines[-1] == errors[0], (args, result.stderr)  # the message is one line, and the last
    if result.exit_code == 2:
        assert errors, (args, result.output)


FUZZ = settings(derandomize=True, max_examples=20, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(path) for path, _ in COMMANDS])
@FUZZ
@given(data=st.data())
def test_every_command_answers_generated_arguments_without_a_traceback(pool, path, command, data):
    root = data.draw(ROOT_OPTIONS, label="root options")
    args = data.draw(_refused_before_running() if path in LIMITED else _arguments(command), label="arguments")
    if path in LIMITED and args[0] == UNKNOWN_OPTION:
        assert UNKNOWN_OPTION not in _options(command)
    _check(pool, [*root, *path, *args])


def test_the_limited_commands_exist():
    assert {path for path, _ in COMMANDS} >= LIMITED
