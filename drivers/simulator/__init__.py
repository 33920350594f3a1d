"""A ZFM scanner simulator on a real pseudo-terminal: the serial driver's test partner and the kiosk's
``--simulate`` device."""

from drivers.simulator.device import SimulatedZfm
from drivers.simulator.faults import Fault, FaultPlan
from drivers.simulator.images import DirectorySource, default_source
from drivers.simulator.pty_link import PtySimulator

__all__ = ["DirectorySource", "Fault", "FaultPlan", "PtySimulator", "SimulatedZfm",
           "default_source"]
