"""The code's shape, as the spine issue asks: small modules and functions, ruff clean with complexity on."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules():
    return sorted(p for folder in ("geo", "webapp", "pages") for p in (ROOT / folder).rglob("*.py")
                  if "__pycache__" not in p.parts)


def test_no_module_over_600_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_over_80_lines():
    long = {}
    for path in _modules() + [ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.name}"] = n
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_ruff_is_clean_with_complexity_checks():
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "geo", "tests", "scripts", "webapp", "pages", "app.py"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:]
