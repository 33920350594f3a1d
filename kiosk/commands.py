"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here (one per line)."""

from __future__ import annotations

import click

from drivers.commands import scanner_group, simulator_command
from enrollment.commands.bench import bench
from enrollment.commands.calibrate import calibrate_command
from enrollment.commands.db import db
from enrollment.commands.extract import extract_command, template_group
from enrollment.commands.match import identify_command, match_command
from enrollment.commands.score_pairs import score_pairs_command
from enrollment.commands.synth import synth
from kiosk.app_commands import demo, kiosk, selftest

COMMANDS: list[click.Command] = [
    kiosk,
    demo,
    selftest,
    db,
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
]
