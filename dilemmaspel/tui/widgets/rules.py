"""How a card's rule reads on screen: reference, summary and source link."""

from __future__ import annotations

from dilemmaspel.core.cards import Rule
from dilemmaspel.i18n import t


def rule_text(rule: Rule, separator: str = "\n  ") -> str:
    """A rule as plain text: its reference, summary and (if it has one) its source link."""
    text = f"{rule.ref}{separator}{rule.summary}"
    if rule.source:
        text += "\n  " + t("ui.rule.source", url=rule.source)
    return text
