"""One module per participant screen, each a thin view: it shows what the window hands it and emits what the
participant tapped; the window (kiosk/ui/window.py) turns that into the flow's actions."""
