"""``zuil simulator`` (a simulated ZFM scanner on a pty) and ``zuil scanner ...`` (ports, test, capture).

The root (``kiosk.cli``) registers these commands and puts an object on the click context whose ``scanner``
is the drivers part's section of the settings file (a :class:`ScannerSettingsSource`); the commands read it
with :func:`current_scanner_settings`. This module never imports the root.
"""

from __future__ import annotations

import json
import signal
import threading
from typing import Protocol

import click

from drivers.errors import DriverError
from drivers.settings import ScannerSettings
from drivers.simulator import FaultPlan, PtySimulator, SimulatedZfm, default_source
from drivers.simulator.faults import FAULTS, Fault
from drivers.zfm import parameters as p

_FAULT_HELP = "; ".join(f"{name}: {what}" for name, (what, _) in FAULTS.items())


class ScannerSettingsSource(Protocol):
    """What the root's object on the click context offers these commands."""

    @property
    def scanner(self) -> ScannerSettings: ...


def current_scanner_settings() -> ScannerSettings:
    """The scanner settings the root loaded; a usage error for a command run outside the ``zuil`` group."""
    source: ScannerSettingsSource | None = click.get_current_context().find_root().obj
    if source is None:
        raise click.UsageError("run this command as a sub-command of zuil, which loads the settings")
    return source.scanner


@click.command("simulator")
@click.option("--port-link", required=True, type=click.Path(dir_okay=False),
              help="Symlink to create to the simulator's pty; clients open this path like /dev/ttyUSB0.")
@click.option("--images", type=click.Path(file_okay=False, exists=True),
              help="Serve these 500 dpi images (centre-cropped or padded to 256x288) instead of synthetic fingers.")
@click.option("--fault", "faults", multiple=True, metavar="NAME[:key=value,...]",
              help=f"Inject a fault (repeatable). {_FAULT_HELP}.")
@click.option("--baud", type=click.Choice([str(b) for b in p.BAUDRATES]), default=str(p.DEFAULT_BAUDRATE),
              show_default=True, help="The module's baud rate; clients at another rate get no answer.")
@click.option("--packet-size", type=click.Choice([str(s) for s in p.PACKET_SIZES]), default="128",
              show_default=True, help="Bytes per data packet.")
@click.option("--finger-after", type=int, default=3, show_default=True,
              help="GenImg polls answered 'no finger' before each press.")
@click.option("--realtime/--fast", default=False, show_default=True,
              help="Pace output at the baud rate (an image takes ~7 s at 57600), as the real wire does.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the synthetic fingers.")
@click.option("--replug-after", type=float, default=2.0, show_default=True,
              help="After an 'unplug' fault, plug the device back in after this many seconds (0: exit instead).")
def simulator_command(port_link: str, images: str | None, faults: tuple[str, ...], baud: str, packet_size: str,
                      finger_after: int, realtime: bool, seed: int, replug_after: float) -> None:
    """Run a simulated ZFM/R30x fingerprint scanner on a pseudo-terminal until interrupted."""
    try:
        plan = FaultPlan([Fault.parse(f) for f in faults])
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fault") from exc
    device = SimulatedZfm(default_source(seed, images), plan, baudrate=int(baud), packet_size=int(packet_size),
                          finger_after=finger_after)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        with PtySimulator(device, port_link, realtime=realtime) as sim:
            click.echo(f"simulated ZFM scanner at {port_link} -> {sim.tty_name}, {baud} baud; Ctrl-C to stop")
            try:
                while not done.wait(0.2):
                    if sim.hung_up.is_set():
                        if replug_after <= 0 or done.wait(replug_after):
                            break
                        sim.plug()
                        click.echo(f"plugged back in at {port_link} -> {sim.tty_name}")
            except KeyboardInterrupt:
                pass
    finally:
        device.close()
    click.echo("simulator stopped")


@click.group("scanner")
def scanner_group() -> None:
    """Fingerprint scanner tools for the technician: list ports, test the configured scanner, capture."""


@scanner_group.command("ports")
def ports_command() -> None:
    """List the serial ports (where a ZFM scanner may be connected)."""
    from drivers.manager import serial_ports

    for port in serial_ports():
        click.echo(f"{port.device}\t{port.usb_id or '-'}\t{port.description}")


@scanner_group.command("test")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def test_command(as_json: bool) -> None:
    """Check the configured scanner answers (exit status 1 when it does not)."""
    from drivers.manager import DeviceManager

    with DeviceManager(current_scanner_settings()) as manager:
        result = manager.self_test()
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else result.summary())
    raise SystemExit(0 if result.ok else 1)


class ScannerProblem(click.ClickException):
    """A driver error told to the technician in one line (what happened, where, what to check); exit status 2."""

    exit_code = 2

    def __init__(self, exc: DriverError, driver: str, port: str) -> None:
        where = f"{driver} scanner at {port}" if port and port not in str(exc) else f"{driver} scanner"
        super().__init__(f"{type(exc).__name__}: {where}: {exc.technician_message}")


@scanner_group.command("capture")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="PNG file to write the image to.")
@click.option("--timeout", type=click.FloatRange(0, 600, min_open=True), default=20.0, show_default=True,
              help="Seconds the capture may take in all: waiting for the finger and the image transfer.")
def capture_command(out: str, timeout: float) -> None:
    """Capture one finger with the configured scanner and save the image, readable only by its owner (for
    testing the device only)."""
    import io

    from PIL import Image

    from drivers.manager import DeviceManager
    from enrollment.atomic_files import write_bytes_atomically

    with DeviceManager(current_scanner_settings()) as manager:
        try:
            scanner = manager.scanner()
            scanner.open()
            click.echo(f"Place a finger on the scanner at {manager.port} (waiting up to {timeout:g} s)", err=True)
            capture = scanner.capture(timeout=timeout)
        except DriverError as exc:
            raise ScannerProblem(exc, manager.driver, manager.port) from exc
    png = io.BytesIO()
    Image.fromarray(capture.image).save(png, format="PNG")
    write_bytes_atomically(out, png.getvalue())  # a real fingerprint: 0600
    click.echo(f"{out}: {capture.image.shape[1]}x{capture.image.shape[0]} at {capture.resolution_dpi} dpi "
               f"from {capture.device.model}")
