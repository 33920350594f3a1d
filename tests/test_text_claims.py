"""Product text claims nothing the code does not do yet.

Product text: the docstrings, comments and strings (help texts among them) of kiosk/, drivers/, enrollment/ and
sync/, README.md, the package description, and the consent text participants are shown now. Each entry of
NOT_BUILT names a part that does not exist in this build and the words that speak of it: a sentence with those
words must also say that the part is not there yet. The change that builds a part removes its entry.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import tomllib
from pathlib import Path

from enrollment.consent import consent_text, languages

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kiosk", "drivers", "enrollment", "sync")

NOT_BUILT = {
    "sync/: sharing with the police": (
        r"shared? (?:them |it )?with the police|del(?:en|ed) met de politie|naar de politie"
    ),
    "the installer image": r"installer image",
}
SAYS_NOT_YET = re.compile(r"\byet\b|\bnot built\b|\blater\b|\bwill\b|\barrives?\b|\bnog\b|\bnext\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(`\"'])")
FENCED = "```\n"  # a README block (a diagram, an example file): one piece, its note anywhere in it


def _python_text(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string of words and each run of comment lines. Of consent.py only the docstrings and
    comments: the texts it holds are checked by version (the current one), the earlier ones are kept as shown."""
    source = path.read_text(encoding="utf-8")
    chunks: list[tuple[int, str]] = []
    last_comment = -2
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        line = token.start[0]
        if token.type == tokenize.COMMENT:
            if chunks and last_comment == line - 1:
                chunks[-1] = (chunks[-1][0], chunks[-1][1] + " " + token.string.lstrip("# "))
            else:
                chunks.append((line, token.string.lstrip("# ")))
            last_comment = line
        elif token.type == tokenize.STRING and " " in token.string and path.name != "consent.py":
            chunks.append((line, token.string))
    if path.name == "consent.py":
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and ast.get_docstring(node):
                chunks.append((getattr(node, "lineno", 1), ast.get_docstring(node) or ""))
    return chunks


def _readme_text(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each paragraph, list item and fenced block."""
    chunks: list[tuple[int, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    start, block, fenced = 0, [], False
    for number, line in enumerate([*lines, ""], 1):
        if line.startswith("```"):
            if fenced:
                chunks.append((start, FENCED + "\n".join(block)))
                block, fenced = [], False
            else:
                if block:
                    chunks.append((start, " ".join(block)))
                start, block, fenced = number, [], True
        elif fenced:
            block.append(line)
        elif not line.strip() or line.startswith(("- ", "|", "#")):
            if block:
                chunks.append((start, " ".join(block)))
            start, block = number, [line] if line.strip() else []
        else:
            start, block = (number, [line]) if not block else (start, [*block, line])
    return chunks


def _product_text() -> list[tuple[str, str]]:
    where_text = [(f"README.md:{line}", text) for line, text in _readme_text(ROOT / "README.md")]
    description = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["description"]
    where_text.append(("pyproject.toml: description", description))
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            where_text += [(f"{path.relative_to(ROOT)}:{line}", text) for line, text in _python_text(path)]
    for language in languages():
        shown = consent_text(language)
        where_text.append((f"consent text {shown.version} ({language})", shown.text))
    return where_text


def _claims(where_text: list[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in where_text:
        for sentence in [text] if text.startswith(FENCED) else SENTENCE_END.split(" ".join(text.split())):
            for part, words in NOT_BUILT.items():
                if re.search(words, sentence, re.IGNORECASE) and not SAYS_NOT_YET.search(sentence):
                    found.append(f"{where}: {sentence.strip()[:160]!r} speaks of {part} as if it existed")
    return found


def test_product_text_says_what_is_not_built_yet():
    found = _claims(_product_text())
    assert not found, "\n".join(found)


def test_the_check_sees_a_claim_and_accepts_a_not_yet():
    claims = _claims([("b", "Kiosks come from the installer image."), ("c", "The prints are shared with the police."),
                      ("d", "De afdrukken worden naar de politie gestuurd.")])
    assert [c[0] for c in claims] == ["b", "c", "d"]
    assert not _claims([("e", "The installer image is not built yet."), ("f", "They are shared with the police later."),
                        ("g", "Ze worden nog niet naar de politie gestuurd.")])
