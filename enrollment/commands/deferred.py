"""Option defaults and choices read from a parameters module only when they are needed.

Importing a command must stay cheap (``zuil --version`` imports every command), but some defaults and choices
live in modules that pull in numba, OpenCV or SciPy. A command names them through a small function that imports
the module; :class:`DeferredDefault` calls it for ``--help`` or a run without the option, :class:`DeferredChoice`
when a value is checked or the choices are listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import click


class DeferredDefault(click.Option):
    """An option whose ``default`` is a function, called when the default is shown in ``--help`` or used."""

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        return super().get_default(ctx, call=True)


class DeferredChoice(click.Choice):
    """A :class:`click.Choice` whose names come from ``names()``, called when a value is checked or listed."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        super().__init__((), case_sensitive=True)
        self._names = names

    @property  # type: ignore[override]
    def choices(self) -> tuple[str, ...]:
        return tuple(self._names())

    @choices.setter
    def choices(self, value: tuple[str, ...]) -> None:  # click.Choice.__init__ assigns the (empty) tuple
        pass
