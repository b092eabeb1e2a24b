"""The minutes as Markdown: plain text a griffier can read, paste or convert."""

from __future__ import annotations

import re

from dilemmaspel.report.blocks import (
    Appendix,
    Block,
    Bullets,
    Chart,
    Document,
    Facts,
    Heading,
    Paragraph,
    Quote,
    Table,
)

_BLOCK_START = re.compile(r"^(\s*)([#>+*-]|\d+[.)])")
_INLINE = re.compile(r"([\\`*_<>|])")
_LINK = re.compile(r"\](?=[(\[:])")  # "](", "][" or "]:": what would make a link of typed brackets


def escape(text: str) -> str:
    """Markdown's inline characters escaped, so typed text stays literal; brackets stay as typed
    ("Jan [/] de Vries") unless they would form a link."""
    return _LINK.sub(r"]\\", _INLINE.sub(r"\\\1", text))


def safe_line(line: str) -> str:
    """A typed line that cannot start a Markdown heading, quote or list."""
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line.rstrip())


def inline(text: str) -> str:
    """Free text on one line with Markdown's inline characters escaped."""
    return escape(" ".join(text.split()))


def quote(text: str) -> list[str]:
    return [f"> {safe_line(escape(line))}" if line.strip() else ">" for line in text.strip().splitlines()] or [">"]


def indent(text: str) -> str:
    """Multi-line free text inside a list item: continuation lines indented."""
    lines = [safe_line(escape(line)) for line in text.strip().splitlines()] or [""]
    return "\n".join([lines[0]] + [f"  {line}" if line else "" for line in lines[1:]])


def render_block(block: Block) -> list[str]:
    match block:
        case Heading():
            return [f"{'#' * block.level} {inline(block.text)}", ""]
        case Facts():
            return [f"- **{inline(label)}:** {inline(value)}" for label, value in block.items] + [""]
        case Paragraph():
            text = inline(block.text)
            return [f"**{text}**" if block.style == "strong" else f"_{text}_" if block.style == "note" else text, ""]
        case Quote():
            return quote(block.text) + [""]
        case Bullets():
            lines = []
            for item in block.items:
                label = f"**{inline(item.label)}** " if item.label else ""
                lines.append(f"- {label}{indent(item.text)}")
            return lines + [""]
        case Table():
            out = ["| " + " | ".join(inline(h) for h in block.header) + " |",
                   "|" + "|".join("---:" if i in block.numeric else "---" for i in range(len(block.header))) + "|"]
            out += ["| " + " | ".join(inline(c) for c in row) + " |" for row in block.rows]
            return out + [""]
        case Chart():
            counts = " · ".join(f"{inline(bar.label)} {bar.count}" for bar in block.bars)
            return [f"**{inline(block.caption)}:** {counts}", ""]
        case Appendix():
            return ["---", "", f"## {inline(block.title)}", ""]
    raise TypeError(block)


def render_markdown(doc: Document) -> str:
    out: list[str] = []
    for block in doc.blocks:
        out += render_block(block)
    return "\n".join(out).rstrip() + "\n"
