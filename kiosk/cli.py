"""The ``zuil`` console script: one root group with global options; each part contributes its commands.

This is the composition root: the group keeps a :class:`~kiosk.settings.CliState` on the click context, which
reads the settings file once and hands each part its own section, and registers every command of
:data:`kiosk.commands.COMMANDS`.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version

import click

from drivers.errors import DriverError
from enrollment.errors import EnrollmentError
from kiosk.settings import CliState
from sync.errors import SyncError


def _version() -> str:
    try:
        return version("aanmeldzuil")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


class ZuilGroup(click.Group):
    """Turns the project's typed errors and file-system errors into one line and exit status 2, never a
    traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # its message may quote an argument that holds a line break
            exc.message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in exc.message)
            raise
        except (EnrollmentError, DriverError, SyncError) as exc:
            click.echo(f"zuil: {type(exc).__name__}: {exc}", err=True)
            sys.exit(2)
        except OSError as exc:  # a folder where a file is asked for, no space, no permission, ...
            where = f": {exc.filename}" if exc.filename else ""
            click.echo(f"zuil: {type(exc).__name__}: {exc.strerror or exc}{where}", err=True)
            sys.exit(2)


@click.group(cls=ZuilGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "--version", prog_name="zuil")
@click.option("--config", type=click.Path(dir_okay=False), envvar="ZUIL_CONFIG",
              help="Settings file (TOML). Default: the embedded defaults. Env: ZUIL_CONFIG.")
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="ZUIL_DATA_DIR",
              help="Folder of the kiosk's database, the demo's record and the calibration cache. Env: ZUIL_DATA_DIR.")
@click.pass_context
def main(ctx: click.Context, config: str | None, data_dir: str | None) -> None:
    """Aanmeldzuil: the biometric intake kiosk of the LVV."""
    ctx.obj = CliState(config, data_dir)


def _register() -> None:
    from kiosk import commands as kiosk_commands

    for command in kiosk_commands.COMMANDS:
        main.add_command(command)


_register()
