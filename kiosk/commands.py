"""The list of ``zuil`` sub-commands, gathered from every part. Add a new command here."""

from __future__ import annotations

import click

from enrollment.commands.db import db
from enrollment.commands.extract import extract_command, template_group
from kiosk.app_commands import demo, kiosk, selftest

COMMANDS: list[click.Command] = [kiosk, demo, selftest, db]
COMMANDS += [extract_command, template_group]
