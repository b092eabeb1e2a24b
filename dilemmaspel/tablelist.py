"""The printable table list (who sits where, for name cards): Markdown or CSV in the data dir."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dilemmaspel.core.session import SessionState
from dilemmaspel.core.tables import seating
from dilemmaspel.i18n import t
from dilemmaspel.paths import ensure_private_dir, write_private_atomic

FORMATS = ("md", "csv")


def _plain(text: str) -> str:
    """One line without control characters (a printed list, or ``cat`` in a terminal)."""
    return "".join(ch for ch in " ".join(text.split()) if ch.isprintable())


def _md_cell(text: str) -> str:
    """Text in a Markdown table cell, literally: no pipes, no markup, no line breaks."""
    out = _plain(text)
    for ch in "\\|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def _csv_cell(text: str) -> str:
    """A CSV value a spreadsheet shows as text (never as a formula)."""
    text = _plain(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_markdown(state: SessionState, lang: str | None = None) -> str:
    lang = lang or state.language
    title = state.settings.title or t(f"mode.{state.mode}", lang=lang)
    lines = [f"# {t('tables.title', lang=lang, title=_md_cell(title))}", ""]
    if state.started_at:
        lines += [t("tables.date", lang=lang, date=state.started_at[:10]), ""]
    for table in seating(state):
        lines += [f"## {t('tables.table', lang=lang, number=table.number, size=len(table.members))}", ""]
        lines += [f"| {t('ui.col.name', lang=lang)} | {t('ui.col.party', lang=lang)} | {t('ui.col.role', lang=lang)} |",
                  "|---|---|---|"]
        for person in table.members:
            name = _md_cell(person.name)
            if table.is_absent(person):
                name += f" ({t('tables.absent', lang=lang)})"
            lines.append(f"| {name} | {_md_cell(person.party)} | {_md_cell(person.role)} |")
        lines.append("")
    return "\n".join(lines)


def to_csv(state: SessionState, lang: str | None = None) -> str:
    """One row per person: table, name, party, role, present (semicolons, as Dutch Excel reads)."""
    lang = lang or state.language
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([t("tables.col.table", lang=lang), t("ui.col.name", lang=lang), t("ui.col.party", lang=lang),
                     t("ui.col.role", lang=lang), t("ui.col.present", lang=lang)])
    for table in seating(state):
        for person in table.members:
            present = t("ui.no", lang=lang) if table.is_absent(person) else t("ui.yes", lang=lang)
            writer.writerow([table.number, _csv_cell(person.name), _csv_cell(person.party), _csv_cell(person.role), present])
    return out.getvalue()


def write_table_list(session_id: str, state: SessionState, out_dir: Path, fmt: str = "md",
                     lang: str | None = None) -> Path:
    """Write the table list (atomically, owner-only); the name holds the session id, so
    ``forget`` removes it with the transcripts."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    ensure_private_dir(out_dir)
    day = state.started_at[:10] or "sessie"
    path = out_dir / f"{day}-{t('tables.file', lang=lang or state.language)}-{session_id}.{fmt}"
    text = to_markdown(state, lang) if fmt == "md" else "\ufeff" + to_csv(state, lang)  # BOM: Excel reads UTF-8
    write_private_atomic(path, text)
    return path
