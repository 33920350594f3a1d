"""The upstream's reference service (``zuil upstream``): the other end of ``sync/PROTOCOL.md``.

It registers kiosks (a one-time token, a TLS client certificate from its own CA), takes their envelopes over
mutual TLS, keeps each kiosk's chain in its own database and answers every envelope it holds with a signed
receipt. Nothing on the kiosk's side of ``sync`` imports this package.
"""
