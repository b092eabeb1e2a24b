"""The minutes as a Word document (python-docx): real headings, tables and lists, the
organisation and date in the page header, page numbers in the footer."""

from __future__ import annotations

import re
from io import BytesIO

from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph

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

# XML 1.0 allows no control characters but tab, newline and carriage return.
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BAR_CELLS = 20


def clean(text: str) -> str:
    """Typed text that Word's XML can hold."""
    return _XML_UNSAFE.sub("", text)


def _field(paragraph: WordParagraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    run = paragraph.add_run()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run.element.append(field)  # python-docx has no API for fields; this is the OOXML shape of one


def _multiline(paragraph: WordParagraph, text: str, bold: bool = False, italic: bool = False) -> None:
    lines = clean(text.strip()).splitlines() or [""]
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold
        run.italic = italic
        if index < len(lines) - 1:
            run.add_break()


class WordRenderer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.word = WordDocument()
        style = self.word.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(10.5)
        section = self.word.sections[0]
        header = " · ".join(part for part in (doc.header, doc.date) if part)
        if header:
            section.header.paragraphs[0].text = clean(header)
        footer = section.footer.paragraphs[0]
        footer.add_run(f"{t('minutes.page', lang=doc.lang)} ")
        _field(footer, "PAGE")
        footer.add_run(f" {t('minutes.of', lang=doc.lang)} ")
        _field(footer, "NUMPAGES")
        # Looking a style up by name is slow in python-docx: look each one up once.
        self.quote_style = self.word.styles["Quote"]
        self.bullet_style = self.word.styles["List Bullet"]
        self.table_style = self.word.styles["Table Grid"]
        self.word.core_properties.title = clean(doc.title)[:255]
        self.word.core_properties.language = doc.lang

    def block(self, block: Block) -> None:
        w = self.word
        match block:
            case Heading():
                w.add_heading(clean(" ".join(block.text.split())), level=min(block.level - 1, 3) if block.level > 1 else 0)
            case Facts():
                for label, value in block.items:
                    p = w.add_paragraph()
                    p.add_run(clean(label) + ": ").bold = True
                    p.add_run(clean(value))
                    p.paragraph_format.space_after = Pt(0)
                w.add_paragraph()
            case Paragraph():
                p = w.add_paragraph()
                _multiline(p, block.text, bold=block.style == "strong", italic=block.style == "note")
            case Quote():
                _multiline(w.add_paragraph(style=self.quote_style), block.text)
            case Bullets():
                for item in block.items:
                    p = w.add_paragraph(style=self.bullet_style)
                    if item.label:
                        p.add_run(clean(item.label) + " ").bold = True
                    _multiline(p, item.text)
            case Table():
                self.table(block.header, block.rows, block.caption, block.numeric)
            case Chart():
                peak = max((bar.count for bar in block.bars), default=0) or 1
                rows = tuple((bar.label, str(bar.count), "█" * round(BAR_CELLS * bar.count / peak)) for bar in block.bars)
                self.table((t("report.option", lang=self.doc.lang), t("report.count", lang=self.doc.lang), ""),
                           rows, block.caption, (1,))
            case Appendix():
                w.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                w.add_heading(clean(block.title), level=1)
            case _:
                raise TypeError(block)

    def table(self, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], caption: str, numeric: tuple[int, ...]) -> None:
        w = self.word
        if caption:
            _multiline(w.add_paragraph(), caption, italic=True)
        # All rows at once: adding them one by one is quadratic in python-docx.
        table = w.add_table(rows=len(rows) + 1, cols=len(header))
        table.style = self.table_style
        for index, (row, values) in enumerate(zip(table.rows, (header, *rows))):
            for column, (cell, text) in enumerate(zip(row.cells, values)):
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(clean(text))
                if index == 0:
                    run.bold = True
                elif column in numeric:
                    paragraph.alignment = 2  # right
        w.add_paragraph()

    def render(self) -> bytes:
        for block in self.doc.blocks:
            self.block(block)
        out = BytesIO()
        self.word.save(out)
        return out.getvalue()


def render_docx(doc: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    return WordRenderer(doc).render()
