"""The project's structure rules, checked like behaviour: import contracts (Qt only in kiosk/ui), plain imports."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    return str(BIN / name) if (BIN / name).exists() else (shutil.which(name) or name)


def test_import_contracts_hold():
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean():
    result = subprocess.run([_tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


PRODUCT_PACKAGES = ("kiosk", "drivers", "enrollment", "sync")
#: Parts of importlib that read package data or metadata; every other use of it imports code by name.
_IMPORTLIB_DATA = {"importlib.metadata", "importlib.resources"}


def dynamic_imports(source: str) -> list[str]:
    """The places in ``source`` that import code in a way the import linter cannot see, as ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        what = None
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
            what = next((n for n in names if n.startswith("importlib") and n not in _IMPORTLIB_DATA), None)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("importlib"):
            full = [node.module if node.module != "importlib" else f"importlib.{a.name}" for a in node.names]
            what = next((f"from {node.module} import" for n in full if n not in _IMPORTLIB_DATA), None)
        elif isinstance(node, ast.Name) and node.id in ("__import__", "import_module"):
            what = node.id
        elif isinstance(node, ast.Attribute):
            base = node.value.id if isinstance(node.value, ast.Name) else ""
            if node.attr in ("__import__", "import_module") or (base, node.attr) in (("importlib", "util"),
                                                                                     ("importlib", "machinery")):
                what = f"{base}.{node.attr}"
        if what:
            found.append(f"{node.lineno}: {what}")
    return found


def test_the_dynamic_import_check_finds_each_form():
    for source in ("import importlib\nimportlib.import_module('drivers.libfprint')",
                   "from importlib import import_module\nimport_module('x')",
                   "__import__('drivers.libfprint')",
                   "import builtins\nbuiltins.__import__('x')",
                   "import importlib.util\nimportlib.util.spec_from_file_location('m', 'm.py')",
                   "from importlib.util import module_from_spec",
                   "from importlib import util"):
        assert dynamic_imports(source), source
    assert dynamic_imports("from importlib.metadata import version\nimport importlib.resources") == []


def test_product_code_imports_only_with_plain_import_statements():
    found = []
    for package in PRODUCT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found += [f"{path.relative_to(ROOT)}:{where}" for where in dynamic_imports(path.read_text("utf-8"))]
    assert found == [], "imports the import linter cannot see:\n" + "\n".join(found)


def test_every_kiosk_module_outside_the_views_is_under_a_no_qt_contract():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    covered = {module for c in contracts if "PySide6" in c.get("forbidden_modules", ())
               for module in c["source_modules"]}
    modules = {".".join(path.relative_to(ROOT).with_suffix("").parts) for path in (ROOT / "kiosk").rglob("*.py")}
    headless = {m.removesuffix(".__init__") for m in modules if not m.startswith("kiosk.ui")} - {"kiosk"}
    # a contract on a package covers its modules (import-linter checks a package's descendants)
    uncovered = {m for m in headless if not any(m == c or m.startswith(c + ".") for c in covered)}
    assert uncovered == set(), "add these modules to a no-Qt contract in pyproject.toml"
    assert "kiosk.flow" in covered
