"""The document model every renderer reads: a flat list of simple blocks.

The builder decides what a report says; a renderer only decides how a block looks in its
format. Text in blocks is plain (typed by people, never markup); renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = document title, 2 = section, 3 = subsection
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Facts:
    """Label: value lines (the head of the report, a card's details)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "plain"  # plain | strong | note


@dataclass(frozen=True)
class Quote:
    """Typed text kept as it was written: situations, notes, conclusions."""

    text: str


@dataclass(frozen=True)
class Item:
    text: str
    label: str = ""  # shown in bold before the text


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric: tuple[int, ...] = ()  # columns holding numbers (right-aligned)


@dataclass(frozen=True)
class Bar:
    label: str  # "A", "B", ... or "anders"
    count: int
    text: str = ""  # the option's words


@dataclass(frozen=True)
class Chart:
    """A vote as bars: option, count and words, readable without colour."""

    caption: str
    bars: tuple[Bar, ...]
    total: int


@dataclass(frozen=True)
class Appendix:
    """Marks the start of the appendix (a new page in print)."""

    title: str


Block = Union[Heading, Facts, Paragraph, Quote, Bullets, Table, Chart, Appendix]


@dataclass
class Document:
    title: str
    lang: str
    header: str = ""  # organisation, shown in the page header of Word and print
    date: str = ""
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
