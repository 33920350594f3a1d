"""The ``zuil`` sub-commands that belong to the enrollment part (registered by ``kiosk.cli``).

Each module defines click commands; they find the loaded :class:`~enrollment.settings.Settings` with
:func:`current_settings`.
"""

from __future__ import annotations

import click

from enrollment.settings import Settings, load_settings


class CliState:
    """What the root ``zuil`` group hands to its sub-commands: where the settings come from, loaded once."""

    def __init__(self, config: str | None, data_dir: str | None) -> None:
        self.config = config
        self.data_dir = data_dir
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config, data_dir=self.data_dir)
        return self._settings


def current_settings() -> Settings:
    ctx = click.get_current_context()
    state = ctx.find_object(CliState)
    if state is None:  # called outside the root group (tests invoking a command directly)
        state = ctx.find_root().obj = CliState(None, None)
    return state.settings
