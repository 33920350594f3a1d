"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

from drivers.commands import scanner_group, simulator_command  # noqa: E402

COMMANDS += [simulator_command, scanner_group]
