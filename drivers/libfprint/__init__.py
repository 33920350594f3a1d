"""USB fingerprint scanners through libfprint 2 (GObject introspection). Import of ``gi`` is lazy.

Needs, on Debian 12: ``apt install libfprint-2-2 gir1.2-fprint-2.0`` at run time, and PyGObject in the
virtualenv (``pip install 'aanmeldzuil[libfprint]'``, which builds against ``libgirepository1.0-dev``
and ``libcairo2-dev``). See :mod:`drivers.libfprint.gi_loader`.
"""

from drivers.libfprint.errors import LibfprintUnavailableError, NoLibfprintDeviceError
from drivers.libfprint.scanner import LibfprintScanner

__all__ = ["LibfprintScanner", "LibfprintUnavailableError", "NoLibfprintDeviceError"]
