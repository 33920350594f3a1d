"""Hardware: fingerprint scanners and their simulator (V-number readers live in ``drivers.vnumber``).

- ``scanner.Scanner``: the small base class every scanner driver implements; ``capture.Capture`` is its product;
  ``errors``: the typed errors with the message the kiosk shows.
- ``zfm``: ZFM / R30x / AS608 serial scanners (``protocol`` packets, ``status`` codes, ``image`` format,
  ``driver.ZfmScanner``, all constants in ``parameters``).
- ``simulator``: a simulated ZFM module on a real pseudo-terminal, with scriptable faults (``zuil simulator``).
- ``worker.DeviceWorker``: all I/O of one device on one thread, results as futures, prompt cancel.
- ``reconnect.ReconnectingScanner``: hot-plug; ``manager.DeviceManager``: settings -> scanner, self-test.
- ``registry``: the scanner drivers by name; ``settings``: the ``[scanner]`` table of the settings file, checked.
"""
