"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

from enrollment.commands.match import identify_command, match_command  # noqa: E402

COMMANDS += [match_command, identify_command]
