"""The domain's value types that several parts share: plain, immutable, validated on construction.

- ``vnumber``: the V-number (``VNumber``, ``parse_vnumber``), read by the kiosk, the V-number readers in
  ``drivers.vnumber`` and the record store.

Nothing here imports the record store (``enrollment.records``), SQLAlchemy, ``drivers``, ``kiosk`` or ``sync``.
"""
