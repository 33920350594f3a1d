"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

from enrollment.commands.synth import synth  # noqa: E402

COMMANDS.append(synth)
