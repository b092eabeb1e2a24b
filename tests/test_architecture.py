"""The core and the non-UI modules never import Textual."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

NON_UI = [
    "dilemmaspel.core.cards", "dilemmaspel.core.methods", "dilemmaspel.core.roster", "dilemmaspel.core.groups",
    "dilemmaspel.core.events", "dilemmaspel.core.session", "dilemmaspel.core.engine", "dilemmaspel.core.stats",
    "dilemmaspel.core.flow", "dilemmaspel.core.history", "dilemmaspel.core.anonymise", "dilemmaspel.core.dealing",
    "dilemmaspel.decks", "dilemmaspel.store", "dilemmaspel.transcript", "dilemmaspel.cli", "dilemmaspel.cli_sessions",
    "dilemmaspel.readmodels", "dilemmaspel.leases",
]


def test_core_imports_without_textual() -> None:
    code = "import sys\n" + "".join(f"import {m}\n" for m in NON_UI) + "print('textual' in sys.modules, 'rich' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False False"


def test_start_screen_does_not_load_the_domain() -> None:
    """The first frame stays fast: pydantic, the decks and the session model load on demand."""
    code = (
        "import sys\nimport dilemmaspel.tui.app, dilemmaspel.tui.screens.start\n"
        "print('pydantic' in sys.modules, 'dilemmaspel.core.events' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False False"
