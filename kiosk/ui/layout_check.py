"""Finds text a participant cannot read on a laid-out window: a label or button whose text needs more room
than it has (clipped), a widget reaching outside its parent, visible siblings that overlap, and a scroll area whose
content is wider than its view (text off to the side, read only by scrolling sideways). Overlays
(marked with the ``overlay`` property) lie over the screens on purpose and are checked on their own. In a
language whose translation is complete, :func:`untranslated_text` finds visible text still in English."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QLayout, QScrollArea, QWidget

_BIG = 100_000
_FIELD = re.compile(r"\{[^{}]*\}|%n|%\d")
#: Visible texts that are the same in English and in a complete translation (not left untranslated).
SAME_IN_TRANSLATION = frozenset({"OK", "Scanner"})


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
        scrolled = isinstance(parent.parentWidget(), QAbstractScrollArea) and \
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        for child in children:
            if not scrolled and not parent.rect().contains(child.geometry()):  # a scroll area's content may be larger
                problems.append(f"{_where(child)} {child.geometry()} reaches outside {_where(parent)} {parent.rect()}")
        for i, a in enumerate(children):
            for b in children[i + 1:]:
                if a.geometry().intersects(b.geometry()):
                    problems.append(f"{_where(a)} {a.geometry()} overlaps {_where(b)} {b.geometry()}")
    return problems


def wider_than_view(root: QWidget) -> list[str]:
    """Each visible scroll area under ``root`` whose content is wider than its view."""
    problems = []
    for area in [root, *root.findChildren(QScrollArea)] if isinstance(root, QScrollArea) else \
            root.findChildren(QScrollArea):
        content = area.widget()
        if area.isVisibleTo(root) and content is not None and content.width() > area.viewport().width() + 1:
            problems.append(f"{_where(area)}: its content is {content.width()} px wide, its view "
                            f"{area.viewport().width()} px (text off to the side)")
    return problems


def layout_problems(root: QWidget) -> list[str]:
    """Every clipped text, widget outside its parent, overlap and sideways-scrolling content under ``root`` (empty
    when all is well)."""
    return clipped_text(root) + outside_or_overlapping(root) + wider_than_view(root)


def _english_pattern(source: str) -> re.Pattern[str]:
    parts = _FIELD.split(source)
    return re.compile(".+".join(re.escape(part) for part in parts), re.DOTALL)


def untranslated_text(root: QWidget, sources: list[str], allowed: frozenset[str] = SAME_IN_TRANSLATION) -> list[str]:
    """Visible label texts under ``root`` that are an English source text (its fields filled in any way), or
    that contain one of several words (a finger name left in English inside a translated sentence)."""
    patterns = [(source, _english_pattern(source)) for source in set(sources) if source not in allowed]
    phrases = [source for source, _ in patterns if " " in source.strip() and not _FIELD.search(source)]
    problems = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(root) or not text or text in allowed:
            continue
        english = next((source for source, pattern in patterns if pattern.fullmatch(text)), None)
        english = english or next((phrase for phrase in phrases if phrase in text), None)
        if english is not None:
            problems.append(f"{_where(label)}: {text[:40]!r} is the English source text {english[:40]!r}")
    return problems
