from kiosk.settings import KioskSettings
from kiosk.ui.app import PlaceholderWindow


def test_placeholder_window_names_the_site(qtbot):
    window = PlaceholderWindow(KioskSettings(), simulate=True)
    qtbot.addWidget(window)
    window.show()
    text = " ".join(label.text() for label in window.findChildren(type(window.children()[1])))
    assert "LVV Amsterdam" in text and "simulated" in text
