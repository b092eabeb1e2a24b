"""What each device in the room may see: pure functions of the session state and the viewer.

A participant sees their table, its card, how many have voted, their own ballot, and, once the
table's votes are revealed, the tally and the reasoning as the session's reveal setting allows
(anonymous: no names, and an order that says nothing about who voted when). A table lead sees
the deliberation controls of their own table besides. The presenter (the projector) sees
progress and what has been revealed as counts only: never reasoning, names or the reflection.

Nothing here depends on the process-wide language: text for the viewer comes from the card and
the method; the pages translate their own labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from dilemmaspel.core.events import OTHER
from dilemmaspel.core.flow import reveal_order, voted_count
from dilemmaspel.core.session import RoundState, SessionState, Vote

ViewerKind = Literal["participant", "presenter"]


@dataclass(frozen=True)
class Viewer:
    """Who looks: a participant (by pid) or the presenter page."""

    kind: ViewerKind
    pid: str = ""


PRESENTER = Viewer("presenter")


def view_for(state: SessionState, viewer: Viewer, lang: str = "nl", memo: dict[Any, Any] | None = None) -> dict[str, Any]:
    """Everything ``viewer`` may see now, as JSON-ready data.

    ``memo`` may carry figures shared by many viewers of the same state (a server rendering
    hundreds of phones after one event passes one dict per state version); it changes nothing.
    """
    if viewer.kind == "presenter":
        return presenter_view(state, lang)
    return participant_view(state, viewer.pid, lang, memo)


def _voted(state: SessionState, rnd: RoundState, memo: dict[Any, Any] | None) -> tuple[int, int]:
    if memo is None:
        return voted_count(state, rnd)
    key = ("voted", rnd.number)
    if key not in memo:
        memo[key] = voted_count(state, rnd)
    return memo[key]  # type: ignore[no-any-return]


def is_lead(state: SessionState, pid: str) -> bool:
    """Whether ``pid`` leads the table they sit at."""
    group = state.group_of(pid)
    return group is not None and state.leads.get(group) == pid


def table_round(state: SessionState, group: int) -> RoundState | None:
    """The round a table plays now (the last one if none is open and the table is done)."""
    return state.open_round(group)


def phase_revealed(rnd: RoundState, phase: int) -> bool:
    """Whether the votes of ``phase`` have been revealed."""
    if phase == 1:
        return rnd.revealed
    return rnd.phase in ("revoted", "closed") and bool(rnd.revotes)


def _tally(rnd: RoundState, votes: dict[str, Vote]) -> list[dict[str, Any]]:
    rows = [{"option": letter, "text": text, "count": 0} for letter, text in zip(rnd.letters, rnd.options)]
    rows.append({"option": OTHER, "text": "", "count": 0})
    index = {row["option"]: row for row in rows}
    for vote in votes.values():
        if vote.choice in index:
            index[vote.choice]["count"] += 1
    return rows


def _result(state: SessionState, rnd: RoundState, phase: int, with_reasons: bool) -> dict[str, Any]:
    votes = rnd.votes_in(phase)
    result: dict[str, Any] = {"phase": phase, "total": len(votes), "tally": _tally(rnd, votes)}
    if with_reasons:
        named = state.settings.reveal == "named"
        reasons = []
        for pid in reveal_order(rnd, phase, state.seed):
            vote = votes[pid]
            if not vote.reasoning.strip() and vote.choice != OTHER:
                continue
            entry: dict[str, Any] = {"choice": vote.choice, "other": vote.other, "reasoning": vote.reasoning}
            if named and pid in state.participants:
                entry["name"] = state.name(pid)
            reasons.append(entry)
        result["reasons"] = reasons
    return result


def _steps(state: SessionState, rnd: RoundState) -> dict[str, Any] | None:
    method = state.settings.method
    if method is None or not rnd.deliberating:
        return None
    step = method.steps[min(rnd.current_step, len(method.steps) - 1)]
    return {
        "index": rnd.current_step,
        "count": len(method.steps),
        "title": step.title,
        "prompt": step.prompt,
        "hints": list(step.hints),
        "minutes": step.minutes if state.settings.timeboxes else None,
        "started_at": rnd.step_at,
    }


def _card(rnd: RoundState) -> dict[str, Any]:
    return {
        "number": rnd.number,
        "title": rnd.title,
        "situation": rnd.situation,
        "question": rnd.question,
        "options": [{"option": letter, "text": text} for letter, text in zip(rnd.letters, rnd.options)],
    }


def _ballot(rnd: RoundState, phase: int | None, pid: str) -> dict[str, Any] | None:
    vote = rnd.votes_in(phase).get(pid) if phase else None
    if vote is None:
        return None
    return {"choice": vote.choice, "other": vote.other, "reasoning": vote.reasoning,
            "version": rnd.ballot_version(phase, pid)}  # type: ignore[arg-type]


def participant_view(state: SessionState, pid: str, lang: str = "nl", memo: dict[Any, Any] | None = None) -> dict[str, Any]:
    """A participant's phone: their table, its card and only what has been revealed to it."""
    base: dict[str, Any] = {"kind": "participant", "lang": lang, "title": state.settings.title,
                            "mode": state.mode, "finished": state.finished}
    if pid not in state.participants:
        return {**base, "me": None}
    group = state.group_of(pid)
    base["me"] = {"pid": pid, "name": state.name(pid), "lead": is_lead(state, pid), "absent": pid in state.absent}
    if group is None:
        return {**base, "table": None, "round": None}
    lead = state.leads.get(group)
    base["table"] = {
        "number": group + 1,
        "size": len(state.groups[group]),
        "lead": state.name(lead) if lead in state.participants else None,
    }
    rnd = table_round(state, group)
    if rnd is None:
        return {**base, "round": None, "played": len(state.rounds_of(group)), "planned": state.settings.cards}
    done, total = _voted(state, rnd, memo)
    view: dict[str, Any] = {
        **_card(rnd),
        "phase": rnd.phase,
        "voting": rnd.voting_phase,
        "voted": done,
        "voters": total,
        "can_vote": pid in state.groups[group] and pid not in state.absent,
        "mine": _ballot(rnd, rnd.voting_phase, pid),
        "first": _ballot(rnd, 1, pid),
        "results": [_result(state, rnd, phase, True) for phase in (1, 2) if phase_revealed(rnd, phase)],
        "twists": rnd.twists[: rnd.twists_shown] if rnd.revealed else [],
        "steps": _steps(state, rnd) if rnd.revealed else None,
        "personal": rnd.personal.get(pid, "") if state.mode == "beraad" and rnd.revealed else None,
    }
    if is_lead(state, pid) and rnd.revealed:
        method = state.settings.method
        view["lead"] = {
            "has_method": method is not None,
            "notes": rnd.notes.get(rnd.current_step, ""),
            "conclusion": rnd.conclusion,
            "actions": rnd.actions,
        }
    return {**base, "round": view}


def roster_view(state: SessionState) -> list[dict[str, Any]]:
    """The names a newcomer picks from, grouped by table: names only, and whether taken."""
    tables: list[dict[str, Any]] = []
    seated: set[str] = set()
    for index, members in enumerate(state.groups):
        tables.append({"number": index + 1, "people": [
            {"pid": pid, "name": state.name(pid), "claimed": pid in state.claims} for pid in members]})
        seated.update(members)
    waiting = [pid for pid in state.participants if pid not in seated]
    if waiting:
        tables.append({"number": None, "people": [
            {"pid": pid, "name": state.name(pid), "claimed": pid in state.claims} for pid in waiting]})
    return tables


def _published(state: SessionState, rnd: RoundState) -> dict[str, Any]:
    """The projector's figures beyond the tally: the split by side and the re-vote shifts, only
    as :mod:`dilemmaspel.core.disclosure` allows for an anonymous ballot (whatever the reveal
    setting: the whole room reads the projector)."""
    from dilemmaspel.core.disclosure import disclose_round
    from dilemmaspel.core.stats import choices_of, round_disclosure

    second_shown = phase_revealed(rnd, 2)
    if state.ballots_unlinked or rnd.published:
        found = round_disclosure(state, rnd)  # frozen when the anonymous session finished
    else:
        first = {pid: vote.choice for pid, vote in rnd.votes.items()}
        second = {pid: vote.choice for pid, vote in rnd.revotes.items()} if second_shown else None
        sides = {pid: state.participants[pid].side for pid in set(first) | set(second or ()) if pid in state.participants}
        found = disclose_round(first, second, {"side": sides}, choices_of(rnd))
    figures: dict[str, Any] = {}
    for phase, disclosure in ((1, found.first), (2, found.second)):
        if disclosure is not None:
            figures[f"split{phase}"] = disclosure.split("side")
            figures[f"withheld{phase}"] = disclosure.reason("side")
    if found.shift is not None:
        figures["shift"] = {"voters": found.shift.voters, "moves": [list(m) for m in found.shift.moves],
                            "changed": found.shift.changed, "withheld": found.shift.withheld}
    return figures


def presenter_view(state: SessionState, lang: str = "nl") -> dict[str, Any]:
    """The projector: who joined, each table's progress, and revealed counts with room totals."""
    tables: list[dict[str, Any]] = []
    totals: dict[str, dict[str, Any]] = {}
    for group in range(len(state.groups)):
        rnd = table_round(state, group)
        members = state.groups[group]
        entry: dict[str, Any] = {
            "number": group + 1,
            "joined": sum(1 for pid in members if pid in state.claims),
            "people": len(members),
            "round": None,
        }
        if rnd is not None:
            done, total = voted_count(state, rnd)
            steps = _steps(state, rnd) if rnd.revealed else None
            results = [_result(state, rnd, phase, False) for phase in (1, 2) if phase_revealed(rnd, phase)]
            if results:
                figures = _published(state, rnd)
                for result in results:
                    result["split"] = figures.get(f"split{result['phase']}")
                    result["withheld"] = figures.get(f"withheld{result['phase']}")
                    if result["phase"] == 2:
                        result["shift"] = figures.get("shift")
            entry["round"] = {
                "title": rnd.title,
                "phase": rnd.phase,
                "voted": done,
                "voters": total,
                "results": results,
                "twists": rnd.twists[: rnd.twists_shown] if rnd.revealed else [],
                "step": {k: steps[k] for k in ("index", "count", "title", "minutes", "started_at")} if steps else None,
            }
            if results:
                key = rnd.card.id if rnd.card else f"case:{rnd.title}"
                latest = results[-1]
                total_entry = totals.setdefault(key, {"title": rnd.title, "tables": 0, "total": 0,
                                                      "tally": [dict(row, count=0) for row in latest["tally"]]})
                total_entry["tables"] += 1
                total_entry["total"] += latest["total"]
                for row, add in zip(total_entry["tally"], latest["tally"]):
                    row["count"] += add["count"]
        tables.append(entry)
    return {
        "kind": "presenter",
        "lang": lang,
        "title": state.settings.title,
        "joined": len(state.claims),
        "people": len(state.participants),
        "tables": tables,
        "totals": list(totals.values()),
        "finished": state.finished,
    }


def led_round(state: SessionState, pid: str) -> RoundState | None:
    """The open round of the table ``pid`` leads (None if they lead none): a lead's only reach."""
    group = state.group_of(pid)
    if group is None or state.leads.get(group) != pid:
        return None
    return table_round(state, group)
