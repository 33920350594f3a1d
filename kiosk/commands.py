"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

from enrollment.commands.bench import bench  # noqa: E402
from enrollment.commands.score_pairs import score_pairs_command  # noqa: E402

COMMANDS += [bench, score_pairs_command]
