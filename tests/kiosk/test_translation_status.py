"""A language counts as reviewed only when every message is translated and none is still marked unfinished."""

from __future__ import annotations

from kiosk.translation_status import placeholders, read_messages, translation_status, ts_path

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{code}">
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Choose your language</source>
        <translation{first}>{text}</translation>
    </message>
    <message>
        <source>Finger {{0}} of {{1}}</source>
        <translation>Vinger {{0}} van {{1}}</translation>
    </message>
    <message>
        <source>An old text</source>
        <translation type="vanished">Een oude tekst</translation>
    </message>
</context>
</TS>
"""


def write(folder, code, *, first="", text="Kies uw taal"):
    ts_path(code, folder).write_text(TS.format(code=code, first=first, text=text), encoding="utf-8")


def test_a_fully_translated_language_without_unfinished_marks_is_reviewed(tmp_path):
    write(tmp_path, "nl")
    status = translation_status("nl", tmp_path)
    assert (status.messages, status.translated, status.unfinished, status.reviewed) == (2, 2, 0, True)
    assert [m.source for m in read_messages(ts_path("nl", tmp_path))] == ["Choose your language", "Finger {0} of {1}"]


def test_a_drafted_translation_is_not_reviewed(tmp_path):
    write(tmp_path, "ti", first=' type="unfinished"', text="ቋንቋኹም ምረጹ")
    status = translation_status("ti", tmp_path)
    assert (status.translated, status.unfinished, status.reviewed) == (2, 1, False)


def test_a_missing_translation_is_not_reviewed(tmp_path):
    write(tmp_path, "so", text="")
    assert not translation_status("so", tmp_path).reviewed
    assert not translation_status("ps", tmp_path).reviewed  # no file at all
    assert translation_status("en", tmp_path).reviewed  # the source language


def test_placeholders_are_found_in_every_form():
    assert placeholders("Finger {0} of {1}, now your {finger} (%n left)") == ["%n", "{0}", "{1}", "{finger}"]
