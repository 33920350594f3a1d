"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here."""

from __future__ import annotations

import click

from enrollment.commands.bench import bench
from enrollment.commands.db import db
from enrollment.commands.score_pairs import score_pairs_command
from enrollment.commands.synth import synth
from kiosk.app_commands import demo, kiosk, selftest

COMMANDS: list[click.Command] = [kiosk, demo, selftest, db, synth]
COMMANDS += [bench, score_pairs_command]
