"""The shipped decks travel with a normal (non-editable) install."""

from __future__ import annotations

import json
from importlib import metadata

import pytest


def _editable() -> bool:
    dist = metadata.distribution("dilemmaspel")
    direct = dist.read_text("direct_url.json")
    return bool(direct and json.loads(direct).get("dir_info", {}).get("editable"))


def test_wheel_contains_the_decks() -> None:
    if _editable():
        pytest.skip("editable install: decks are read from the source tree")
    files = {str(f) for f in metadata.files("dilemmaspel") or []}
    assert "dilemmaspel/_decks/methods/zeven-stappen.toml" in files
    assert "dilemmaspel/_decks/methods/seven-steps.toml" in files
