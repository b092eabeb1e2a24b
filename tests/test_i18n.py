"""The nl and en catalogs stay in step."""

from __future__ import annotations

import string

import pytest

from dilemmaspel.i18n import CATALOGS, set_language, t


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys() -> None:
    assert set(CATALOGS["nl"]) == set(CATALOGS["en"])


@pytest.mark.parametrize("key", sorted(CATALOGS["nl"]))
def test_placeholders_match(key: str) -> None:
    assert _fields(CATALOGS["nl"][key]) == _fields(CATALOGS["en"][key])


def test_no_empty_strings() -> None:
    for lang, catalog in CATALOGS.items():
        assert all(value.strip() for value in catalog.values()), lang


def test_switching_language() -> None:
    set_language("en")
    assert t("validate.missing") == "required field is missing"
    set_language("nl")
    assert t("validate.missing") == "verplicht veld ontbreekt"
    with pytest.raises(ValueError):
        set_language("fr")


def test_every_key_used_in_the_code_exists() -> None:
    import re
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "dilemmaspel"
    used: set[str] = set()
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\(\s*\"([a-z_.]+)\"", text))
        used |= set(re.findall(r"\"(key\.[a-z_]+)\"", text))
    missing = sorted(key for key in used if key not in CATALOGS["nl"])
    assert missing == []
    assert len(used) > 200


def test_a_dutch_session_loads_no_english_strings() -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom dilemmaspel.i18n import t\nt('ui.start.welcome')\n"
            "print(sorted(m.rsplit('.', 1)[1].split('_')[0] for m in sys.modules if m.startswith('dilemmaspel.i18n.') and m != 'dilemmaspel.i18n.oserror'))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "nl" in loaded and "en" not in loaded


def test_every_catalog_file_is_listed_and_every_listed_one_exists() -> None:
    import pkgutil

    import dilemmaspel.i18n as i18n

    on_disk = {info.name for info in pkgutil.iter_modules(i18n.__path__) if info.name.split("_", 1)[0] in ("nl", "en")}
    listed = {f"{language}_{area}" if area else language for language in ("nl", "en") for area in i18n.AREAS}
    assert on_disk == listed
