"""Finds text a participant cannot read on a laid-out window: a label or button whose text needs more room
than it has (clipped), a widget reaching outside its parent, and visible siblings that overlap. Overlays
(marked with the ``overlay`` property) lie over the screens on purpose and are checked on their own."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QLayout, QWidget

_BIG = 100_000


def _text_rect(label: QLabel) -> QRect:
    rect = label.contentsRect()
    margin = label.margin() * 2
    flags = int(label.alignment().value)
    if label.wordWrap():
        flags |= Qt.TextFlag.TextWordWrap.value
    area = QRect(0, 0, rect.width() - margin if label.wordWrap() else _BIG, _BIG)
    return label.fontMetrics().boundingRect(area, flags, label.text())


def _where(widget: QWidget) -> str:
    parent = widget
    names = []
    while parent is not None:
        names.append(getattr(parent, "name", "") or type(parent).__name__)
        parent = parent.parentWidget()
    return "/".join(reversed(names[:3]))


def clipped_text(root: QWidget) -> list[str]:
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text() or (label.pixmap() and not label.pixmap().isNull()):
            continue
        needed, room = _text_rect(label), label.contentsRect()
        if needed.width() > room.width() + 1 or needed.height() > room.height() + 1:
            problems.append(f"{_where(label)}: {label.text()[:40]!r} needs {needed.width()}x{needed.height()} "
                            f"px, has {room.width()}x{room.height()}")
    return problems


def outside_or_overlapping(root: QWidget) -> list[str]:
    problems = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisibleTo(root) and parent is not root:
            continue
        children = [c for c in parent.children() if isinstance(c, QWidget) and c.isVisibleTo(root)
                    and not c.property("overlay") and not c.isWindow()]
        if isinstance(parent.layout(), QLayout) and type(parent).__name__ == "QStackedWidget":
            children = [c for c in children if c is parent.currentWidget()]  # type: ignore[attr-defined]
        for child in children:
            if not parent.rect().contains(child.geometry()):
                problems.append(f"{_where(child)} {child.geometry()} reaches outside {_where(parent)} {parent.rect()}")
        for i, a in enumerate(children):
            for b in children[i + 1:]:
                if a.geometry().intersects(b.geometry()):
                    problems.append(f"{_where(a)} {a.geometry()} overlaps {_where(b)} {b.geometry()}")
    return problems


def layout_problems(root: QWidget) -> list[str]:
    """Every clipped text, widget outside its parent and overlap under ``root`` (empty when all is well)."""
    return clipped_text(root) + outside_or_overlapping(root)
