"""The Qt user interface of the kiosk (the only place that imports Qt)."""
