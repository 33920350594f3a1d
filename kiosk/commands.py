"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

from enrollment.commands.extract import extract_command, template_group  # noqa: E402

COMMANDS += [extract_command, template_group]
