"""Minutes a griffie can file: one document model rendered to Markdown, HTML and Word.

The golden files in ``tests/golden/evening-*`` are the minutes of
:func:`tests.sessionfactory.evening_session` (three tables, two cards, a re-vote, seven steps,
an absence, agreements with owner and deadline). After a deliberate change, read the new
output and rewrite them with ``UPDATE_GOLDEN=1 python -m pytest tests/test_minutes.py``.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dilemmaspel.core.engine import Engine, ListSink
from dilemmaspel.core.events import Agreement
from dilemmaspel.core.roster import Participant
from dilemmaspel.core.session import SessionState
from dilemmaspel.report.blocks import Bullets, Chart, Heading
from dilemmaspel.report.build import Options, build_report
from dilemmaspel.transcript import FORMATS, to_docx, to_html, to_markdown, write_transcripts
from tests import sessionfactory as factory

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
AMSTERDAM = "CET-1CEST,M3.5.0,M10.5.0/3"
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"


@pytest.fixture
def amsterdam_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Render local times as a Dutch trainer's laptop would."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", AMSTERDAM)
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.fixture(scope="module")
def evening() -> SessionState:
    return factory.evening_session().state


@pytest.fixture(scope="module")
def evening_named() -> SessionState:
    return factory.evening_session(reveal="named").state


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; if intended, rerun with UPDATE_GOLDEN=1"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_markdown(evening: SessionState, amsterdam_time: None, lang: str) -> None:
    _golden(f"evening-{lang}.md", to_markdown(evening, lang))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_html(evening: SessionState, amsterdam_time: None, lang: str) -> None:
    _golden(f"evening-{lang}.html", to_html(evening, lang))


# --- content --------------------------------------------------------------------------------


def test_a_card_played_by_three_tables_is_one_section_with_its_text_once(evening: SessionState) -> None:
    text = to_markdown(evening)
    card = next(r.card for r in evening.rounds if r.card is not None)
    assert card is not None
    assert text.count(card.situation.split(".")[0]) == 1
    assert text.count(card.question) == 1
    assert "## Kaart 1 · Tafel 1/2/3: De nieuwe sponsor" in text
    assert "## Kaart 2 · Tafel 1/2/3: Het kerstpakket" in text
    assert "Ronde " not in text
    for table in (1, 2, 3):
        assert text.count(f"### Tafel {table} · ") == 2  # once per card


def test_overview_puts_the_tables_side_by_side_with_the_room_totals(evening: SessionState) -> None:
    doc = build_report(evening)
    tables = [b for b in doc.blocks if getattr(b, "header", None) and b.header[0] == "Kaart"]  # type: ignore[union-attr]
    overview = tables[0]
    assert overview.header == ("Kaart", "Tafel 1", "Tafel 2", "Tafel 3", "Zaal (eerste stemming)")  # type: ignore[union-attr]
    first = overview.rows[0]  # type: ignore[union-attr]
    assert first[1] == "B: 2 van 4 → B: 3 van 4" and first[2] == "B: 2 van 4 → B: 4 van 4"
    assert first[3] == "A = B = C: 1 van 3"
    assert first[4] == "A 3 · B 5 · C 2 · anders 1 (11)"
    text = to_markdown(evening)
    assert "Gewijzigd bij de herstemming: 3 van de 8 leden, aan 2 tafel(s)." in text
    # The old, ambiguous "B (3 van 4); 1 anders" is gone.
    assert not re.search(r"\); \d+ anders", text)


def test_times_of_rounds_steps_and_absences(amsterdam_time: None) -> None:
    engine = factory.evening_session()
    state = engine.state
    text = to_markdown(state)
    first = state.rounds[0]
    assert first.opened_at and first.closed_at and first.opened_at < first.closed_at
    assert re.search(r"### Tafel 1 · \d\d:\d\d–\d\d:\d\d", text)
    assert "**Stap 1: De morele vraag (4 min)**" in text
    assert "**Stap 5: Handelwijzen, voor en tegen (18 min – 3 min langer dan de geplande 15 min)**" in text
    assert text.count("langer dan de geplande") == 1
    absence = state.absences[0]
    assert absence.since and absence.until
    assert re.search(r"\*\*Sanne 🌷 Bakker\*\* afwezig van \d\d:\d\d tot \d\d:\d\d", text)


def test_agreements_are_collected_at_the_end_with_owner_and_deadline(evening: SessionState) -> None:
    text = to_markdown(evening)
    end = text[text.index("## Alle afspraken"):]
    assert "| Korte notitie over art. 28 voor de raad | Griffie | 1 april | Kaart 1 · Tafel 1 |" in end
    assert "| Gedragscode bespreken in het presidium | Fractievoorzitters | mei | Kaart 1 · Tafel 1 |" in end
    assert "| Bestuursfuncties vooraf melden | – | – | Kaart 1 · Tafel 2 |" in end


def test_free_text_actions_of_older_sessions_are_agreements_too() -> None:
    engine = factory.start(factory.engine_for(None))
    pids = factory.add_people(engine, factory.ROSTER[:2])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    for pid in pids:
        engine.vote(rnd.number, pid, "A")
    engine.reveal(rnd.number)
    engine.conclude(rnd.number, "Klaar.", actions="De griffie zoekt het uit.\n\nHet presidium agendeert het.")
    text = to_markdown(engine.state)
    assert "| De griffie zoekt het uit. | – | – | Kaart 1 |" in text
    assert "| Het presidium agendeert het. | – | – | Kaart 1 |" in text


def test_the_trainers_background_is_an_appendix_left_out_by_default(evening: SessionState) -> None:
    minutes = to_markdown(evening)
    copy = to_markdown(evening, appendix=True)
    reflection = "Stemonthouding is verplicht bij een persoonlijk belang."
    assert reflection not in minutes and "Bijlage" not in minutes
    assert reflection in copy and "## Bijlage: achtergrond voor de trainer" in copy
    assert copy.index("## Alle afspraken") < copy.index("## Bijlage")
    assert "**Gemeentewet art. 28** Niet stemmen over een zaak die u persoonlijk aangaat." in copy


def test_one_card_at_three_tables_takes_a_third_of_the_old_report() -> None:
    """The old report (rendered by the version before this one, kept as a file) repeated the
    card and its background for every table."""
    before = (GOLDEN / "before-one-card-three-tables.md").read_text(encoding="utf-8")
    now = to_markdown(factory.one_card_three_tables().state)
    assert len(now) <= len(before) / 3, (len(now), len(before))


def test_english_minutes(evening: SessionState) -> None:
    text = to_markdown(evening, "en")
    for fact in ("## Card 1 · Table 1/2/3: De nieuwe sponsor", "## All agreements", "| Table 1 | Table 2 | Table 3 |",
                 "## Overview of the session"):
        assert fact in text, fact
    assert "Tafel" not in text and "Kaart" not in text


# --- privacy --------------------------------------------------------------------------------


def _names(state: SessionState) -> list[str]:
    return [p.name for p in state.participants.values()]


def test_an_anonymous_session_ties_no_name_to_a_vote_in_any_format(evening: SessionState) -> None:
    doc = build_report(evening, Options(lang="nl", appendix=True))
    names = _names(evening)
    in_cards = False
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level == 2:
            in_cards = block.text.startswith("Kaart")
        if in_cards and isinstance(block, (Bullets, Chart)):
            labels = [item.label for item in block.items] if isinstance(block, Bullets) else [b.label for b in block.bars]
            assert not [n for n in names for label in labels if n in label]
    # Beside the participants list, a name appears only where someone did not vote at all.
    text = to_markdown(evening)
    cards = text[text.index("## Kaart 1"):]
    for name in names:
        for line in cards.splitlines():
            if name in line:
                assert line.startswith("_Niet gestemd (afwezig)"), line


def test_a_named_session_shows_who_chose_what(evening_named: SessionState) -> None:
    text = to_markdown(evening_named)
    member = evening_named.participants[evening_named.groups[0][0]].name
    assert re.search(rf"\*\*{re.escape(member)} \([A-D]\)\*\*", text)
    assert "| Optie | coalitie | oppositie | geen |" in text


def test_anonymous_minutes_leave_out_splits_with_a_reason(evening: SessionState) -> None:
    text = to_markdown(evening)
    assert "coalitie |" not in text.split("## Kaart 1")[1]
    assert "Verdeling weggelaten: een deelgroep heeft minder dan 3 stemmers." in text


def test_exports_are_owner_only_in_every_format(evening: SessionState, tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX file modes")
    engine = factory.evening_session()
    paths = write_transcripts("abc123", engine.sink.events, tmp_path / "out", FORMATS, appendix=True)  # type: ignore[attr-defined]
    assert sorted(p.suffix for p in paths) == [".docx", ".html", ".json", ".md"]
    for path in paths:
        assert path.stat().st_mode & 0o777 == 0o600, path
        assert ("-trainer" in path.name) == (path.suffix != ".json")  # the JSON is the same either way
    assert (tmp_path / "out").stat().st_mode & 0o077 == 0


# --- HTML -----------------------------------------------------------------------------------


def test_html_is_self_contained_and_escapes_typed_text() -> None:
    engine = factory.start(factory.engine_for(None), title="Avond <script>alert(1)</script>", reveal="named")
    pids = factory.add_people(engine, [Participant(name="Eva <b>\"Vet\"</b> & Co", side="none"),
                                       Participant(name="Jan [/] de Vries", side="coalition")])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    engine.vote(rnd.number, pids[0], "A", "</li></ul><img src=x onerror=alert(1)>")
    engine.vote(rnd.number, pids[1], "B", "Gewoon.")
    engine.reveal(rnd.number)
    html = to_html(engine.state)
    assert "<script" not in html and "<img" not in html and "<b>\"Vet" not in html
    assert "&lt;script&gt;" in html and "Eva &lt;b&gt;&quot;Vet&quot;&lt;/b&gt; &amp; Co" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert html.count("<svg") == 1 and 'role="img"' in html


def test_html_page_header_cannot_break_out_of_the_style_sheet() -> None:
    engine = factory.start(factory.engine_for(None), organisation='Griffie"; } </style><script>x</script>')
    html = to_html(engine.state)
    style = html[html.index("<style>"):html.index("</style>")]
    assert "<script" not in style and "</style" not in style[1:]
    assert "@top-left" in style


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return path


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


async def test_printed_html_is_an_a4_document(evening: SessionState, amsterdam_time: None) -> None:
    """Print the minutes to PDF in Chromium, as a griffier would; keep page 1 as a PNG to review."""
    executable = _chromium()
    playwright = pytest.importorskip("playwright.async_api")
    pdfium = pytest.importorskip("pypdfium2")
    OUTPUT.mkdir(exist_ok=True)
    source = OUTPUT / "minutes-evening-nl.html"
    source.write_text(to_html(evening, appendix=True), encoding="utf-8")
    async with playwright.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = await browser.new_page()
        await page.goto(source.as_uri())
        pdf_bytes = await page.pdf(format="A4")
        await browser.close()
    pdf = pdfium.PdfDocument(pdf_bytes)
    width, height = pdf[0].get_size()
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5, (width, height)  # A4 in points
    assert 3 <= len(pdf) <= 12, len(pdf)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for fact in ("Verslag: Integriteitsavond gemeenteraad Zandvliet", "Kaart 1 · Tafel 1/2/3", "Alle afspraken",
                 "Bijlage: achtergrond voor de trainer", "Griffie gemeente Zandvliet · 2026-03-14"):
        assert fact in text, fact
    assert f"1 / {len(pdf)}" in pdf[0].get_textpage().get_text_range()
    last = pdf[len(pdf) - 1].get_textpage().get_text_range()
    assert "Bijlage" in last or "Reflectie" in last  # the appendix starts on a page of its own, at the end
    image = pdf[0].render(scale=1.5).to_pil()
    image.save(OUTPUT / "minutes-evening-nl-page1.png")


# --- Word -----------------------------------------------------------------------------------


def test_docx_has_real_headings_tables_lists_header_and_page_numbers(evening: SessionState) -> None:
    import docx

    word = docx.Document(io.BytesIO(to_docx(evening)))
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Verslag: Integriteitsavond gemeenteraad Zandvliet")
    assert ("Heading 1", "Kaart 1 · Tafel 1/2/3: De nieuwe sponsor") in headings
    assert ("Heading 2", "Tafel 1 · " + headings[[h[1] for h in headings].index("Kaart 1 · Tafel 1/2/3: De nieuwe sponsor") + 1][1].split(" · ", 1)[1]) in headings
    assert ("Heading 1", "Alle afspraken") in headings
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert any(text.startswith("A. Ja, ik stem mee.") for text in bullets)
    agreements = word.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in agreements.rows]
    assert rows[0] == ["Afspraak", "Wie", "Wanneer", "Waar besproken"]
    assert ["Korte notitie over art. 28 voor de raad", "Griffie", "1 april", "Kaart 1 · Tafel 1"] in rows
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "Griffie gemeente Zandvliet · 2026-03-14"
    footer_xml = section.footer.paragraphs[0]._p.xml  # reading back the field: no public API for it
    assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml
    overview = word.tables[0]
    assert [c.text for c in overview.rows[0].cells][:4] == ["Kaart", "Tafel 1", "Tafel 2", "Tafel 3"]


def test_docx_survives_control_characters_and_markup_like_text() -> None:
    import docx

    engine = factory.start(factory.engine_for(None), title="Sessie \x00\x07 [/] \x1b[2J")
    pids = factory.add_people(engine, [Participant(name="Jan [/] de Vries", side="coalition"),
                                       Participant(name="Eef\x0bMol", side="none")])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    engine.vote(rnd.number, pids[0], "A", "Regel\x0cmet formfeed \ufffe" + "lang " * 2000)
    engine.vote(rnd.number, pids[1], "B", "😀👍🏽")
    engine.reveal(rnd.number)
    word = docx.Document(io.BytesIO(to_docx(engine.state)))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Sessie  [/] [2J" in text and "😀👍🏽" in text


def test_docx_converts_in_libreoffice(evening: SessionState, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; the docx is checked with python-docx above")
    source = tmp_path / "minutes.docx"
    source.write_bytes(to_docx(evening))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "minutes.pdf").stat().st_size > 5000


# --- any input ------------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(TEXT.filter(lambda s: s.strip()), min_size=2, max_size=4, unique_by=lambda s: s.strip().casefold()),
       reasoning=TEXT, note=TEXT, owner=TEXT, reveal=st.sampled_from(["named", "anonymous"]))
def test_every_format_renders_any_typed_text(names: list[str], reasoning: str, note: str, owner: str, reveal: str) -> None:
    import docx

    engine = Engine(ListSink(), clock=factory.SteppingClock())
    factory.start(engine, reveal=reveal)
    pids = []
    for name in names:
        try:
            pids.append(engine.add_participant(Participant(name=name, side="none")))
        except Exception:  # a name the roster rules refuse (duplicate once normalised, ...)
            continue
    if len(pids) < 1:
        return
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    for pid in pids:
        engine.vote(rnd.number, pid, "A", reasoning)
    engine.reveal(rnd.number)
    engine.start_deliberation(rnd.number)
    engine.save_note(rnd.number, 0, note)
    text = (note.strip() or "x")[:2000]
    engine.conclude(rnd.number, note, agreements=[Agreement(text=text, owner=owner[:200])])
    state = engine.state
    for appendix in (False, True):
        assert to_markdown(state, appendix=appendix).startswith("# ")
        assert "<script" not in to_html(state, appendix=appendix).replace("&lt;script", "")
        docx.Document(io.BytesIO(to_docx(state, appendix=appendix)))


def test_cli_export_writes_every_format(tmp_path: Path) -> None:
    from dilemmaspel.cli import main
    from dilemmaspel.store import Store

    data = tmp_path / "data"
    with Store(data) as store:
        engine = factory.evening_session(store)
        sid = engine.sink.session_id  # type: ignore[attr-defined]
    out = tmp_path / "out"
    assert main(["export", sid, "--data-dir", str(data), "--format", "docx", "--out", str(out)]) == 0
    assert [p.suffix for p in out.iterdir()] == [".docx"]
    assert main(["export", sid[:6], "--data-dir", str(data), "--out", str(out), "--appendix"]) == 0
    suffixes = sorted(p.suffix for p in out.iterdir() if "-trainer" in p.name)
    assert suffixes == [".docx", ".html", ".md"]
    assert "Bijlage" in next(out.glob("*-trainer.md")).read_text(encoding="utf-8")


def test_an_anonymous_split_is_printed_where_nobody_can_be_singled_out() -> None:
    engine = factory.start(factory.engine_for(None), reveal="anonymous")
    people = [Participant(name=f"Lid {i}", side="coalition" if i < 3 else "opposition") for i in range(6)]
    pids = factory.add_people(engine, people)
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    for pid, choice in zip(pids, "ABABAB"):
        engine.vote(rnd.number, pid, choice)
    engine.reveal(rnd.number)
    text = to_markdown(engine.state)
    assert "| Optie | coalitie | oppositie |" in text
    assert "| A | 2 | 1 |" in text and "| B | 1 | 2 |" in text
    # One coalition member more who chose like the others: the split would show each of them.
    engine2 = factory.start(factory.engine_for(None), reveal="anonymous")
    pids = factory.add_people(engine2, people)
    engine2.form_groups(count=1)
    rnd = engine2.deal(0, [factory.deck()])
    for pid, choice in zip(pids, "AAABAB"):
        engine2.vote(rnd.number, pid, choice)
    engine2.reveal(rnd.number)
    text = to_markdown(engine2.state)
    assert "| Optie | coalitie" not in text
    assert "Verdeling weggelaten" in text


def test_unlinked_ballots_carry_no_moment_that_gives_the_voting_order_away() -> None:
    """Votes are stamped with the moment they were cast while the session is open; a pass-the-
    laptop round votes in table order, so the stamps must go when the ballots are unlinked."""
    from dilemmaspel.core.events import PersonalConclusionSaved, VoteCast
    from dilemmaspel.core.unlink import unlink_ballots

    events = factory.evening_session().sink.events  # type: ignore[attr-defined]
    assert all(e.at for e in events if isinstance(e, VoteCast))
    unlinked = [e for e in unlink_ballots(events) if e is not None]
    kept = [e for e in unlinked if isinstance(e, (VoteCast, PersonalConclusionSaved))]
    assert kept and all(e.at == "" for e in kept)
    assert all(e.at for e in unlinked if not isinstance(e, (VoteCast, PersonalConclusionSaved)))


def test_typed_brackets_never_become_links_in_markdown() -> None:
    import markdown_it

    engine = factory.start(factory.engine_for(None), reveal="named")
    pids = factory.add_people(engine, [Participant(name="Jan [/] de Vries", side="none"),
                                       Participant(name="[klik](https://example.org)", side="coalition")])
    engine.form_groups(count=1)
    rnd = engine.deal(0, [factory.deck()])
    engine.vote(rnd.number, pids[0], "A", "[x]: https://example.org\n\nZie [x] en ![beeld][x] en <https://example.org>")
    engine.vote(rnd.number, pids[1], "B", "Gewoon.")
    engine.reveal(rnd.number)
    text = to_markdown(engine.state)
    assert "Jan [/] de Vries" in text
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    kinds = {child.type for token in tokens for child in token.children or []}
    assert not kinds & {"link_open", "image", "html_inline"}, kinds
    assert not [t for t in tokens if t.type == "html_block"]
