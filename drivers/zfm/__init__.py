"""The ZFM / R30x / AS608 serial fingerprint scanner family: protocol, status codes, image format, driver."""
