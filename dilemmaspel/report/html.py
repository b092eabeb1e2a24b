"""The minutes as one self-contained HTML file: no external files, fonts or scripts.

Printing it from any browser ("print to PDF") gives an A4 document with page numbers; each vote
is an inline SVG bar chart whose counts and labels read in black and white.
"""

from __future__ import annotations

from html import escape

from dilemmaspel.i18n import t
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

CSS = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 .6rem; }
h2 { font-size: 14pt; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #444; padding-bottom: .15rem; }
h3 { font-size: 12pt; margin: 1.1rem 0 .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0 .8rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
p.strong { font-weight: 600; margin: .8rem 0 .3rem; }
p.note { font-style: italic; color: #333; }
blockquote { margin: .4rem 0 .8rem; padding: .1rem 0 .1rem .8rem; border-left: 3px solid #666; white-space: pre-line; }
ul { margin: .3rem 0 .8rem; padding-left: 1.3rem; }
li { margin: .15rem 0; white-space: pre-line; }
li b { margin-right: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .9rem; font-size: 10pt; }
caption { text-align: left; font-style: italic; padding-bottom: .2rem; }
th, td { border: 1px solid #777; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
td.num, th.num { text-align: right; }
figure.chart { margin: .4rem 0 .9rem; }
figure.chart figcaption { font-style: italic; margin-bottom: .2rem; }
figure.chart svg { display: block; width: 100%; max-width: 34rem; height: auto; }
.appendix { break-before: page; }
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt;
                        font-family: "Segoe UI", Calibri, Arial, sans-serif; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3, p.strong { break-after: avoid; }
  figure.chart, tr, blockquote, li { break-inside: avoid; }
}
"""

BAR_HEIGHT = 22
LABEL_WIDTH = 70
CHART_WIDTH = 480


def chart_svg(chart: Chart, lang: str) -> str:
    """A horizontal bar chart: the label left, a dark bar on a light track, the count at its end."""
    track = CHART_WIDTH - LABEL_WIDTH - 36
    height = BAR_HEIGHT * len(chart.bars) + 6
    peak = max((bar.count for bar in chart.bars), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}" role="img" '
             f'aria-label="{escape(chart.caption)}">']
    for index, bar in enumerate(chart.bars):
        y = 3 + index * BAR_HEIGHT
        width = round(track * bar.count / peak)
        label = t("minutes.chart_label", lang=lang, label=bar.label, count=bar.count, total=chart.total)
        parts.append(f"<g><title>{escape(label)}</title>")
        parts.append(f'<text x="0" y="{y + 15}" font-size="13" font-weight="600">{escape(bar.label)}</text>')
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{track}" height="{BAR_HEIGHT - 8}" '
                     'fill="#fff" stroke="#444" stroke-width="1"/>')
        if width:
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{BAR_HEIGHT - 8}" fill="#333"/>')
        parts.append(f'<text x="{CHART_WIDTH}" y="{y + 15}" font-size="13" text-anchor="end">{bar.count}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _text(text: str) -> str:
    return escape(text.strip())


def render_block(block: Block, lang: str) -> str:
    match block:
        case Heading():
            anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
            return f"<h{block.level}{anchor}>{_text(block.text)}</h{block.level}>"
        case Facts():
            rows = "".join(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>" for label, value in block.items)
            return f'<dl class="facts">{rows}</dl>'
        case Paragraph():
            css = f' class="{block.style}"' if block.style != "plain" else ""
            return f"<p{css}>{_text(block.text)}</p>"
        case Quote():
            return f"<blockquote>{_text(block.text)}</blockquote>"
        case Bullets():
            items = "".join(f"<li>{f'<b>{_text(item.label)}</b>' if item.label else ''}{_text(item.text)}</li>"
                            for item in block.items)
            return f"<ul>{items}</ul>"
        case Table():
            def cls(i: int) -> str:
                return ' class="num"' if i in block.numeric else ""
            caption = f"<caption>{_text(block.caption)}</caption>" if block.caption else ""
            head = "".join(f'<th scope="col"{cls(i)}>{_text(h)}</th>' for i, h in enumerate(block.header))
            body = "".join("<tr>" + "".join(f"<td{cls(i)}>{_text(c)}</td>" for i, c in enumerate(row)) + "</tr>"
                           for row in block.rows)
            return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        case Chart():
            return (f'<figure class="chart"><figcaption>{_text(block.caption)}</figcaption>'
                    f"{chart_svg(block, lang)}</figure>")
        case Appendix():
            return f'<h2 class="appendix">{_text(block.title)}</h2>'
    raise TypeError(block)


def css_string(text: str) -> str:
    """Text as a quoted CSS string that cannot end the string or the style element."""
    out = []
    for ch in " ".join(text.split()):
        out.append(ch if ch.isalnum() or ch in " .,-·:/()" else f"\\{ord(ch):x} ")
    return '"' + "".join(out) + '"'


def render_html(doc: Document) -> str:
    header = " · ".join(part for part in (doc.header, doc.date) if part)
    page_header = (f"@page {{ @top-left {{ content: {css_string(header)}; font-size: 9pt; "
                   'font-family: "Segoe UI", Calibri, Arial, sans-serif; } }') if header else ""
    body = "\n".join(render_block(block, doc.lang) for block in doc.blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{escape(doc.title)}</title>\n"
        f"<style>{CSS}{page_header}\n</style>\n"
        f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
