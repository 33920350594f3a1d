"""The ``zuil`` sub-commands that belong to the enrollment part (registered by the root, ``kiosk.cli``).

Each module defines click commands. The root puts an object on the click context whose ``settings`` is this
part's section of the settings file (a :class:`SettingsSource`); the commands read it with
:func:`current_settings`. This package never imports the root.
"""

from __future__ import annotations

from typing import Protocol

import click

from enrollment.settings import Settings


class SettingsSource(Protocol):
    """What the root's object on the click context offers these commands."""

    @property
    def settings(self) -> Settings: ...


def current_settings() -> Settings:
    """The enrollment settings the root loaded; a usage error for a command run outside the ``zuil`` group."""
    source: SettingsSource | None = click.get_current_context().find_root().obj
    if source is None:
        raise click.UsageError("run this command as a sub-command of zuil, which loads the settings")
    return source.settings
