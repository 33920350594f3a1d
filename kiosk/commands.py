"""Every ``zuil`` sub-command in one list (:data:`COMMANDS`, registered by ``kiosk.cli``), and the kiosk's
own: ``kiosk``, ``demo``, ``selftest``, ``status``.

The kiosk's commands read the whole settings (:class:`~kiosk.settings.KioskSettings`) from the root's
:class:`~kiosk.settings.CliState`; the other parts' commands read their own section of it (see
:mod:`kiosk.settings`).
"""

from __future__ import annotations

import json
import sys

import click

from drivers.commands import scanner_group, simulator_command
from enrollment.commands.accounts import accounts
from enrollment.commands.audit import audit
from enrollment.commands.bench import bench
from enrollment.commands.bench_gallery import gallery_command
from enrollment.commands.bench_identification import identification_command
from enrollment.commands.calibrate import calibrate_command
from enrollment.commands.consent import consent as consent_group
from enrollment.commands.db import db
from enrollment.commands.export import export as export_group
from enrollment.commands.extract import extract_command, template_group
from enrollment.commands.keys import keys
from enrollment.commands.match import identify_command, match_command
from enrollment.commands.retention import purge_command, subject_export_command
from enrollment.commands.score_pairs import score_pairs_command
from enrollment.commands.synth import synth
from kiosk.settings import CliState, KioskSettings
from kiosk.summary_command import summary_command
from sync.bench_command import bench_sync
from sync.commands import sync as sync_group
from sync.upstream.commands import upstream as upstream_group


def current_kiosk_settings() -> KioskSettings:
    """The settings the root loaded (the embedded defaults and the environment for a command run alone)."""
    ctx = click.get_current_context()
    state = ctx.find_object(CliState)
    if state is None:  # called outside the root group (tests invoking a command directly)
        state = ctx.find_root().obj = CliState(None, None)
    return state.kiosk_settings


@click.command("kiosk")
@click.option("--simulate", is_flag=True,
              help="Use the simulated scanner (no hardware needed); with no usable display, run the headless demo.")
@click.option("--windowed", is_flag=True, help="A window instead of full screen (development).")
@click.pass_context
def kiosk(ctx: click.Context, simulate: bool, windowed: bool) -> None:
    """Start the touchscreen kiosk.

    Qt's display is tried in a child process first; when it cannot open, this says why in one line and, with
    --simulate, runs the scripted headless demo (`zuil demo`) instead, else exits with status 1.
    """
    settings = current_kiosk_settings()
    from kiosk.ui.display_probe import display_problem  # Qt is imported only here

    problem = display_problem()
    if problem and simulate:
        click.echo(f"zuil kiosk: {problem}: running the scripted headless demo instead.", err=True)
        ctx.invoke(demo)
        return
    if problem:
        raise click.ClickException(f"{problem}; `zuil demo` runs the scripted intake headless")
    from kiosk.ui.app import run_kiosk

    sys.exit(run_kiosk(settings, simulate=simulate, windowed=windowed))


@click.command("demo")
@click.option("--seed", default=1, show_default=True, type=click.IntRange(0, 2**63 - 1),
              help="Seed of the synthetic person.")
@click.option("--language", default="en", show_default=True,
              help="Language of the consent text: one of the configured languages.")
@click.option("--returning/--first-time", default=True, show_default=True,
              help="Whether the synthetic person was enrolled at another LVV before (a duplicate to catch).")
@click.option("--gallery-persons", default=1000, show_default=True, type=click.IntRange(0, None),
              help="Synthetic people in the demo gallery (made once; again when this number changes).")
@click.option("--deliver", is_flag=True,
              help="Start a throw-away upstream on loopback, register the demo kiosk with it and deliver the outbox "
                   "(its receipts in the summary); the upstream is stopped and removed afterwards.")
def demo(seed: int, language: str, returning: bool, gallery_persons: int, deliver: bool) -> None:
    """Run one scripted intake headless through the real stack and print a JSON summary.

    A synthetic person consents, gives a V-number and places fingers on the simulated scanner (the real ZFM
    driver over a pseudo-terminal); the prints are extracted, searched in the demo gallery and checked
    against the V-number, and the intake is stored in the demo's own record (the demo folder of the data
    directory, never the kiosk's record), whose intakes of earlier runs are deleted first. Each record of the
    intake is reported by a signed envelope queued in that record's outbox (its `outbox` key); with --deliver,
    delivered to a throw-away upstream, each with its verified receipt.
    """
    from kiosk.demo import run_demo

    settings = current_kiosk_settings()
    _check_consent_language(language, settings.enrollment.languages)
    summary = run_demo(settings, seed=seed, language=language, returning=returning,
                       gallery_persons=gallery_persons, deliver=deliver)
    click.echo(json.dumps(summary, indent=2, ensure_ascii=False))


def _check_consent_language(language: str, configured: tuple[str, ...]) -> None:
    """Refuse a language not configured here (every language has a consent text; a missing one is refused by
    :func:`enrollment.consent.consent_text` with its own error)."""
    if language not in configured:
        raise click.BadParameter(f"{language!r} is not a language configured here ({', '.join(configured)})",
                                 param_hint="'--language'")


@click.command("selftest")
def selftest() -> None:
    """Check settings, database, scanner and keys; print a table; exit non-zero on a failure."""
    from kiosk.selftest import run_selftest

    checks = run_selftest(current_kiosk_settings())
    width = max(len(c.name) for c in checks)
    for check in checks:
        click.echo(f"{check.name:<{width}}  {check.status:<4}  {check.detail}")
    if any(c.status == "FAIL" for c in checks):
        sys.exit(1)


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON (for remote monitoring).")
@click.option("--no-scanner", is_flag=True,
              help="Leave out the scanner self-test (it opens the scanner, which a running kiosk holds).")
def status(as_json: bool, no_scanner: bool) -> None:
    """The kiosk's health for a technician: the self-test rows, disk space, outbox, versions, translation status
    and record counts; no personal data. Exit status 1 when a row failed."""
    from kiosk.status_report import report_lines, status_report

    report = status_report(current_kiosk_settings(), scanner=not no_scanner)
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo("\n".join(report_lines(report)))
    if report["status"] == "FAIL":
        sys.exit(1)


bench.add_command(identification_command)
export_group.add_command(summary_command)
bench.add_command(gallery_command)
bench.add_command(bench_sync)

COMMANDS: list[click.Command] = [
    kiosk,
    demo,
    selftest,
    status,
    db,
    keys,
    accounts,
    audit,
    consent_group,
    purge_command,
    subject_export_command,
    export_group,
    synth,
    simulator_command,
    scanner_group,
    extract_command,
    template_group,
    match_command,
    identify_command,
    bench,
    score_pairs_command,
    calibrate_command,
    sync_group,
    upstream_group,
]


@click.command("screenshots")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for <language>/<screen>.png.")
@click.option("--large-text", is_flag=True, help="Render in the large-text mode (text twice the size).")
def screenshots(out: str, large_text: bool) -> None:
    """Render every participant screen in every offered language offscreen to OUT/<language>/<screen>.png.

    Each screen is checked for clipped or overlapping text; a problem is listed and the exit status is 1.
    """
    from pathlib import Path

    from kiosk.ui.screenshots import render_screenshots

    written = render_screenshots(current_kiosk_settings(), Path(out), large_text=large_text)
    problems = [f"{path}: {problem}" for path, found in written for problem in found]
    click.echo(f"{len(written)} screens written to {out}")
    for line in problems:
        click.echo(line, err=True)
    if problems:
        sys.exit(1)


COMMANDS.append(screenshots)


@click.command("speak")
@click.option("--language", help="Language code (nl, en, ar, ...).")
@click.option("--screen", help="Screen name as in `zuil screenshots` (--list names them).")
@click.option("--out", type=click.Path(dir_okay=False), help="The WAV file to write.")
@click.option("--list", "list_screens", is_flag=True, help="List the screen names and exit.")
def speak(language: str | None, screen: str | None, out: str | None, list_screens: bool) -> None:
    """Write what the kiosk says on screen SCREEN in LANGUAGE to a WAV file and print its length.

    The site's recorded prompt (<data dir>/prompts/<language>/<screen>.wav) is used where it exists, else
    espeak-ng's voice; a language with neither, or an unknown screen, is refused with exit status 2.
    """
    from kiosk.ui.spoken_screens import SPOKEN_SCREENS

    if list_screens:
        click.echo("\n".join(SPOKEN_SCREENS))
        return
    from kiosk.ui.languages import KNOWN

    problem = ("--language, --screen and --out are needed" if not (language and screen and out) else
               f"unknown screen {screen!r} (zuil speak --list names them)" if screen not in SPOKEN_SCREENS else
               f"unknown language {language!r} (known: {', '.join(KNOWN)})" if language not in KNOWN else "")
    if problem:
        click.echo(f"zuil: {problem}", err=True)  # one line, as the root writes every refusal
        sys.exit(2)
    from enrollment.atomic_files import write_bytes_atomically
    from kiosk.speech.audio import encode_wav, join
    from kiosk.speech.errors import SpeechError
    from kiosk.speech.prompts import RecordedPrompts
    from kiosk.speech.spoken_screen import Message, say
    from kiosk.ui.spoken_screens import spoken_parts

    settings = current_kiosk_settings()
    message_id, parts = spoken_parts(settings, screen, language)
    prompts = RecordedPrompts.in_data_dir(settings.enrollment.data_dir)
    try:
        pcm = join([say([Message(message_id, text)], code, prompts) for code, text in parts])
    except SpeechError as exc:
        click.echo(f"zuil: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
    write_bytes_atomically(out, encode_wav(pcm), mode=None)
    click.echo(f"{out}: {pcm.seconds:.1f} s ({screen} in {language})")


COMMANDS.append(speak)
