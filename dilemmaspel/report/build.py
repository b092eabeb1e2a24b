"""What the minutes of a session say, as one document model for every format.

A card played by several tables is one section ("Kaart 1 · Tafel 1/2/3"): the card's text once,
then each table's votes, reasoning, deliberation and conclusion. An overview of the whole
evening comes first, one list of every agreement last, and the trainer's background (rules,
reflection, questions) is an appendix that the trainer's own copy includes.

Anonymous sessions publish counts only as :mod:`dilemmaspel.core.disclosure` allows, and never
a name beside a vote or reasoning.
"""

from __future__ import annotations

from dataclasses import dataclass

from dilemmaspel.core.events import OTHER, Agreement
from dilemmaspel.core.session import RoundState, SessionState, Vote
from dilemmaspel.core.flow import reveal_order
from dilemmaspel.core.stats import SIDE, RoundStats, choices_of, round_disclosure, round_stats, shift_table, shifts
from dilemmaspel.i18n import t
from dilemmaspel.localtime import local_clock as clock
from dilemmaspel.localtime import local_day as day
from dilemmaspel.report.blocks import (
    Appendix,
    Bar,
    Bullets,
    Chart,
    Document,
    Facts,
    Heading,
    Item,
    Paragraph,
    Quote,
    Table,
)


@dataclass(frozen=True)
class Options:
    """How a report is made: language, and whether the trainer's appendix is included."""

    lang: str = "nl"
    appendix: bool = False


@dataclass
class CardPlay:
    """One card (or own case) and the rounds in which tables played it, in order."""

    number: int
    rounds: list[RoundState]

    @property
    def first(self) -> RoundState:
        return self.rounds[0]


def card_plays(state: SessionState) -> list[CardPlay]:
    """The session's rounds grouped by the card or case they played, in order of first play."""
    plays: dict[tuple[str, str], CardPlay] = {}
    for rnd in state.rounds:
        key = (rnd.deck, rnd.card.id) if rnd.card is not None else ("", f"case-{rnd.number}")
        if key not in plays:
            plays[key] = CardPlay(len(plays) + 1, [])
        plays[key].rounds.append(rnd)
    return list(plays.values())


def span(start: str, end: str) -> str:
    """'19:30–20:05', '19:30–' while it lasts, '' when unknown."""
    begin, finish = clock(start), clock(end)
    if not begin:
        return ""
    return f"{begin}–{finish}" if finish else f"{begin}–"


class ReportBuilder:
    """Builds the :class:`Document` of one session's state."""

    def __init__(self, state: SessionState, options: Options) -> None:
        self.s = state
        self.o = options
        self.doc = Document(title="", lang=options.lang)
        self.several_tables = len(state.groups) > 1 or len({r.group for r in state.rounds}) > 1
        self.explained: set[tuple[int, str]] = set()  # (round, reason) of splits left out

    # --- words ----------------------------------------------------------------------------

    def t(self, key: str, **params: object) -> str:
        return t(key, lang=self.o.lang, **params)

    @property
    def named(self) -> bool:
        return self.s.settings.reveal == "named"

    def letter(self, choice: str) -> str:
        return self.t("vote.other") if choice == OTHER else choice

    def choice(self, vote: Vote) -> str:
        if vote.choice == OTHER:
            return f"{self.t('vote.other')} ({' '.join(vote.other.split())})"
        return vote.choice

    def person(self, pid: str) -> str:
        p = self.s.participants.get(pid)
        if p is None:
            return pid
        details = [p.party] if p.party else []
        details.append(self.t(f"report.side.{p.side}"))
        if p.role:
            details.append(p.role)
        return f"{p.name} ({', '.join(details)})"

    def name(self, pid: str) -> str:
        p = self.s.participants.get(pid)
        return p.name if p is not None else pid

    def table(self, group: int) -> str:
        return self.t("minutes.table", number=group + 1)

    def card_heading(self, play: CardPlay) -> str:
        rnd = play.first
        kind = "minutes.card" if rnd.card is not None else "minutes.case"
        label = self.t(kind, number=play.number)
        if self.several_tables:
            tables = "/".join(str(r.group + 1) for r in play.rounds)
            label = f"{label} · {self.t('minutes.tables', numbers=tables)}"
        return f"{label}: {' '.join(rnd.title.split())}"

    def leading(self, stats: RoundStats) -> str:
        """'B: 3 van 5', or 'A = B: 2 van 5' on a tie."""
        if not stats.total:
            return "–"
        labels = " = ".join(self.letter(option) for option in stats.leaders)
        return self.t("minutes.leading", options=labels, count=stats.tally[stats.leaders[0]], total=stats.total)

    # --- the document ---------------------------------------------------------------------

    def build(self) -> Document:
        s = self.s
        settings = s.settings
        title = settings.title or self.t(f"mode.{s.mode}")
        self.doc.title = self.t("report.title", title=" ".join(title.split()))
        self.doc.header = settings.organisation
        self.doc.date = day(s.started_at)
        self.doc.add(Heading(1, self.doc.title))
        self.head()
        plays = card_plays(s)
        if len(s.rounds) > 1:
            self.overview(plays)
        if s.participants:
            self.participants()
        for play in plays:
            self.card(play)
        self.agreements(plays)
        if self.o.appendix:
            self.appendix(plays)
        return self.doc

    def head(self) -> None:
        s = self.s
        settings = s.settings
        decks = sorted({r.deck_title or r.deck for r in s.rounds if r.deck}) or settings.decks
        when = day(s.started_at)
        times = span(s.started_at, s.finished_at)
        facts = [
            (self.t("report.date"), f"{when}, {times}" if times else when),
            (self.t("report.organisation"), settings.organisation),
            (self.t("report.trainer"), settings.trainer),
            (self.t("report.mode"), self.t(f"mode.{s.mode}")),
            (self.t("report.decks"), ", ".join(decks)),
            (self.t("report.method"), settings.method.title if settings.method else ""),
            (self.t("report.reveal"), self.t(f"reveal.{settings.reveal}")),
        ]
        if not s.finished:
            facts.append((self.t("report.status"), self.t("report.unfinished")))
        self.doc.add(Facts(tuple((label, value) for label, value in facts if value)))

    def overview(self, plays: list[CardPlay]) -> None:
        tables = sorted({r.group for r in self.s.rounds})
        header = (self.t("minutes.col.card"), *(self.table(g) for g in tables))
        if self.several_tables:
            header += (self.t("minutes.col.room"),)
        rows: list[tuple[str, ...]] = []
        notes: list[Item] = []
        for play in plays:
            cells = {r.group: self.result_cell(r) for r in play.rounds}
            row = (self.t("minutes.card" if play.first.card else "minutes.case", number=play.number)
                   + f": {' '.join(play.first.title.split())}",
                   *(cells.get(g, "") for g in tables))
            if self.several_tables:
                row += (self.room_total(play),)
            rows.append(row)
            shift = self.room_shift(play)
            if shift:
                notes.append(Item(shift, label=self.t("minutes.card", number=play.number) if play.first.card
                                  else self.t("minutes.case", number=play.number)))
        self.doc.add(Heading(2, self.t("minutes.overview")),
                     Table(header, tuple(rows), caption=self.t("minutes.overview_caption")))
        if notes:
            self.doc.add(Bullets(tuple(notes)))

    def result_cell(self, rnd: RoundState) -> str:
        if not (rnd.revealed and rnd.votes):
            return self.t("minutes.not_revealed_short")
        text = self.leading(round_stats(self.s, rnd, 1))
        if rnd.revotes and rnd.phase in ("revoted", "closed"):
            text += f" → {self.leading(round_stats(self.s, rnd, 2))}"
        return text

    def room_total(self, play: CardPlay) -> str:
        """Every revealed first vote of this card in the room: 'A 3 · B 6 · anders 1 (10)'."""
        rounds = [r for r in play.rounds if r.revealed and r.votes]
        if not rounds:
            return "–"
        tally = {option: 0 for option in choices_of(play.first)}
        for rnd in rounds:
            for vote in rnd.votes.values():
                tally[vote.choice] = tally.get(vote.choice, 0) + 1
        total = sum(tally.values())
        parts = [f"{self.letter(option)} {count}" for option, count in tally.items() if count]
        return f"{' · '.join(parts)} ({total})"

    def room_shift(self, play: CardPlay) -> str:
        """How many changed their mind at the re-votes of this card, where every table's shift
        may be published (a total over tables would otherwise give a withheld one away)."""
        rounds = [r for r in play.rounds if r.revotes and r.phase in ("revoted", "closed")]
        tables = [shift_table(self.s, r) for r in rounds]
        if not tables or any(table is None or table.withheld for table in tables):
            return ""
        changed = sum(table.changed or 0 for table in tables if table is not None)
        voters = sum(table.voters for table in tables if table is not None)
        return self.t("minutes.room_shift", changed=changed, total=voters, tables=len(rounds))

    def participants(self) -> None:
        s = self.s
        self.doc.add(Heading(2, self.t("report.participants")))
        header = (self.t("ui.col.name"), self.t("ui.col.party"), self.t("ui.col.side"), self.t("ui.col.role"))
        order = [pid for members in s.groups for pid in members] or list(s.participants)
        order += [pid for pid in s.participants if pid not in order]
        rows = []
        for pid in order:
            p = s.participants[pid]
            row = (p.name, p.party or "–", self.t(f"report.side.{p.side}"), p.role or "–")
            group = s.group_of(pid)
            rows.append(((str(group + 1),) if len(s.groups) > 1 and group is not None else ()) + row)
        if len(s.groups) > 1:
            header = (self.t("minutes.col.table"),) + header
        self.doc.add(Table(header, tuple(rows)))
        absences = [a for a in s.absences if a.pid in s.participants]
        legacy = sorted(s.absent - {a.pid for a in absences})
        if absences or legacy:
            items = [Item(self.absence_text(a.since, a.until), label=self.name(a.pid)) for a in absences]
            items += [Item(self.t("report.absent"), label=self.name(pid)) for pid in legacy]
            self.doc.add(Paragraph(self.t("minutes.absences"), style="strong"), Bullets(tuple(items)))

    def absence_text(self, since: str, until: str) -> str:
        if not clock(since):
            return self.t("report.absent")
        if until and clock(until):
            return self.t("minutes.absent_between", start=clock(since), end=clock(until))
        return self.t("minutes.absent_from", start=clock(since))

    # --- one card -------------------------------------------------------------------------

    def card(self, play: CardPlay) -> None:
        rnd = play.first
        self.doc.add(Heading(2, self.card_heading(play), anchor=f"card-{play.number}"))
        facts: list[tuple[str, str]] = []
        if rnd.card is not None:
            facts.append((self.t("report.theme"), rnd.theme_name or rnd.card.theme))
            if len({r.deck for r in self.s.rounds if r.card is not None}) > 1:  # else the head names the deck
                facts.append((self.t("report.decks"), rnd.deck_title or rnd.deck))
        else:
            facts.append((self.t("report.card"), self.t("report.own_case")))
        if not self.several_tables and clock(rnd.opened_at):  # with tables, each table's heading has it
            facts.append((self.t("minutes.played"), span(rnd.opened_at, rnd.closed_at)))
        self.doc.add(Facts(tuple(facts)))
        if rnd.situation.strip():
            self.doc.add(Quote(rnd.situation))
        self.doc.add(Paragraph(rnd.question, style="strong"))
        if rnd.options:
            self.doc.add(Bullets(tuple(Item(option, label=f"{letter}.") for letter, option in zip(rnd.letters, rnd.options))))
        if self.several_tables:
            self.twists(play)
        for r in play.rounds:
            self.table_result(r)

    def twists(self, play: CardPlay) -> None:
        """The variations shown, once per card, with the tables that saw each."""
        items = []
        for index, twist in enumerate(play.first.twists):
            seen = [str(r.group + 1) for r in play.rounds if r.twists_shown > index]
            if seen:
                items.append(Item(twist, label=f"({self.t('minutes.tables', numbers='/'.join(seen))})"))
        if items:
            self.doc.add(Paragraph(self.t("report.twists"), style="strong"), Bullets(tuple(items)))

    def table_result(self, rnd: RoundState) -> None:
        if self.several_tables:
            when = span(rnd.opened_at, rnd.closed_at)
            self.doc.add(Heading(3, f"{self.table(rnd.group)}" + (f" · {when}" if when else "")))
        if rnd.votes or rnd.voting_phase == 1:
            self.votes(rnd, 1)
        if rnd.twists_shown and not self.several_tables:
            self.doc.add(Paragraph(self.t("report.twists"), style="strong"),
                         Bullets(tuple(Item(twist) for twist in rnd.twists[: rnd.twists_shown])))
        self.deliberation(rnd)
        if rnd.revotes or rnd.phase == "revoting":
            self.votes(rnd, 2)
        personal = [(pid, text) for pid, text in rnd.personal.items() if text.strip()]
        if personal:
            self.doc.add(Paragraph(self.t("report.personal"), style="strong"),
                         Bullets(tuple(Item(text, label=self.name(pid) if self.named else "") for pid, text in personal)))
        if rnd.conclusion.strip():
            self.doc.add(Paragraph(self.t("report.conclusion"), style="strong"), Quote(rnd.conclusion))
        agreements = rnd.all_agreements()
        if agreements:
            self.doc.add(Paragraph(self.t("report.actions"), style="strong"),
                         Bullets(tuple(Item(self.agreement_text(a)) for a in agreements)))
        if rnd.phase != "closed":
            self.doc.add(Paragraph(self.t("report.round_open"), style="note"))

    def agreement_text(self, agreement: Agreement) -> str:
        extra = [part for part in (agreement.owner, agreement.due) if part.strip()]
        return agreement.text + (f" ({', '.join(extra)})" if extra else "")

    def votes(self, rnd: RoundState, phase: int) -> None:
        stats = round_stats(self.s, rnd, phase)
        label = self.t("minutes.vote_caption" if phase == 1 else "minutes.revote_caption", count=stats.total)
        if rnd.voting_phase == phase:
            self.doc.add(Paragraph(self.t("report.not_revealed", count=stats.total), style="note"))
            return
        bars = tuple(Bar(self.letter(option), count, "" if option == OTHER else rnd.option_text(option))
                     for option, count in stats.tally.items() if option != OTHER or count)
        self.doc.add(Chart(label, bars, stats.total))
        self.splits(rnd, phase, stats)
        linked = not self.s.ballots_unlinked and rnd.group < len(self.s.groups)
        missing = [pid for pid in self.s.groups[rnd.group] if pid not in rnd.votes_in(phase)] if linked else []
        if missing:
            self.doc.add(Paragraph(self.t("report.not_voted", names=", ".join(self.name(pid) for pid in missing)), style="note"))
        reasons = self.reasoning(rnd, phase)
        if reasons:
            self.doc.add(Paragraph(self.t("report.reasoning"), style="strong"), Bullets(reasons))
        if phase == 2:
            self.shift(rnd)

    def splits(self, rnd: RoundState, phase: int, stats: RoundStats) -> None:
        """The vote by coalition/opposition: always when named; when anonymous only where nobody
        can be singled out (otherwise a short reason)."""
        if not stats.total or self.s.mode == "solo":
            return
        found = round_disclosure(self.s, rnd)
        ballot = found.first if phase == 1 else found.second
        if ballot is None:
            return
        split = ballot.split(SIDE)
        if split is None:
            reason = ballot.reason(SIDE)
            if reason and (rnd.number, reason) not in self.explained:
                self.explained.add((rnd.number, reason))  # once per table and reason
                self.doc.add(Paragraph(self.t(reason), style="note"))
            return
        sides = [side for side in ("coalition", "opposition", "none") if side in split]
        options = [option for option, count in stats.tally.items() if count]
        header = (self.t("report.option"), *(self.t(f"side.{side}") for side in sides))
        rows = tuple((self.letter(option), *(str(split[side].get(option, 0)) for side in sides)) for option in options)
        self.doc.add(Table(header, rows, caption=self.t("minutes.split_caption"), numeric=tuple(range(1, len(header)))))
        line = stats.party_line
        if line.v is not None:
            figure = f"{line.v:.2f}".replace(".", ",") if self.o.lang == "nl" else f"{line.v:.2f}"
            self.doc.add(Paragraph(f"{self.t('report.party_line')}: {self.t(line.reading)} (Cramér's V = {figure})."))

    def reasoning(self, rnd: RoundState, phase: int) -> tuple[Item, ...]:
        """Each vote's reasoning by option (named: with the name; anonymous: never in voting order)."""
        votes = rnd.votes_in(phase)
        items = []
        for pid in reveal_order(rnd, phase, self.s.seed):
            vote = votes[pid]
            text = vote.reasoning.strip()
            if not text and phase == 2:
                continue
            label = f"{self.name(vote.pid)} ({self.choice(vote)})" if self.named else self.choice(vote)
            items.append(Item(text or self.t("report.no_reasoning"), label=label))
        return tuple(items)

    def shift(self, rnd: RoundState) -> None:
        table = shift_table(self.s, rnd)
        if table is None:
            return
        if table.withheld:
            self.doc.add(Paragraph(self.t(table.withheld), style="note"))
            return
        self.doc.add(Paragraph(self.t("minutes.shift", count=table.changed, total=table.voters)))
        if self.named:
            items = tuple(Item(f"{self.choice(rnd.votes[s.pid])} → {self.choice(rnd.revotes[s.pid])}", label=self.name(s.pid))
                          for s in shifts(rnd))
        else:
            items = tuple(Item(f"{self.letter(before)} → {self.letter(after)}: {count}") for before, after, count in table.moves)
        if items:
            self.doc.add(Bullets(items))

    def deliberation(self, rnd: RoundState) -> None:
        method = self.s.settings.method
        if method is None or not (rnd.deliberating or rnd.notes):
            return
        self.doc.add(Paragraph(self.t("report.deliberation", method=method.title), style="strong"))
        used = step_minutes(rnd)
        rows = []
        for index, step in enumerate(method.steps):
            note = rnd.notes.get(index, "").strip()
            spent = used.get(index)
            if not note and spent is None:
                continue
            timing = ""
            if spent is not None:
                timing = self.t("minutes.step_time", used=spent)
                if step.minutes and spent > step.minutes:
                    timing += " " + self.t("minutes.step_over", over=spent - step.minutes, planned=step.minutes)
            title = self.t("report.step", number=index + 1, title=step.title)
            rows.append(Item(note or self.t("report.no_notes"), label=f"{title}{f' ({timing})' if timing else ''}"))
        if rows:
            self.doc.add(Bullets(tuple(rows)))

    # --- the end --------------------------------------------------------------------------

    def agreements(self, plays: list[CardPlay]) -> None:
        rows = []
        for play in plays:
            for rnd in play.rounds:
                where = self.t("minutes.card" if rnd.card else "minutes.case", number=play.number)
                if self.several_tables:
                    where += f" · {self.table(rnd.group)}"
                for agreement in rnd.all_agreements():
                    rows.append((agreement.text, agreement.owner or "–", agreement.due or "–", where))
        if not rows:
            return
        header = (self.t("minutes.col.agreement"), self.t("minutes.col.owner"), self.t("minutes.col.due"),
                  self.t("minutes.col.where"))
        self.doc.add(Heading(2, self.t("minutes.all_agreements"), anchor="agreements"), Table(header, tuple(rows)))

    def appendix(self, plays: list[CardPlay]) -> None:
        cards = [play for play in plays if play.first.card is not None and (
            play.first.card.rules or play.first.card.reflection.strip() or play.first.card.prompts)]
        if not cards:
            return
        self.doc.add(Appendix(self.t("minutes.appendix")))
        for play in cards:
            card = play.first.card
            assert card is not None
            self.doc.add(Heading(3, self.card_heading(play)),
                         Facts(((self.t("report.card"), f"{play.first.deck_title or play.first.deck} ({card.id})"),)))
            if card.rules:
                items = []
                for rule in card.rules:
                    source = rule.source or ""
                    items.append(Item(rule.summary + (f" ({source})" if source else ""), label=rule.ref))
                self.doc.add(Paragraph(self.t("minutes.rules"), style="strong"), Bullets(tuple(items)))
            if card.reflection.strip():
                self.doc.add(Paragraph(self.t("minutes.reflection"), style="strong"), Quote(card.reflection))
            if card.prompts:
                self.doc.add(Paragraph(self.t("report.prompts"), style="strong"),
                             Bullets(tuple(Item(prompt) for prompt in card.prompts)))


def step_minutes(rnd: RoundState) -> dict[int, int]:
    """Minutes spent on each deliberation step, where the session recorded it."""
    return {step: max(1, round(value / 60)) for step, value in rnd.step_seconds.items() if value > 0}


def build_report(state: SessionState, options: Options | None = None) -> Document:
    """The minutes of ``state`` as a document model."""
    return ReportBuilder(state, options or Options(lang=state.language)).build()
