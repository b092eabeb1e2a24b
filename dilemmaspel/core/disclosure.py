"""What an anonymous session may publish about a set of ballots.

Everyone in the room knows the roster: who voted, and each voter's side, party, table, ... A
published figure must never let them single out one person's vote. The functions here take
plain data (the choice of each voter, the attributes of each voter) and return what may be
shown: the tally, the splits by attribute that pass the rule, the splits left out with a reason
(a catalog key), and the table of shifts after a re-vote. Every view of an anonymous session
(reveal, transcript, projector, plenary, report) publishes from these results and nothing else.

The rule, one sentence per reason:

- The tally (how many chose each option) is always shown.
- ``disclosure.too_small``: a split is left out when one of its groups has fewer than 3 voters.
- ``disclosure.combined``: it is left out when, together with the splits shown before it, some
  combination of groups (e.g. coalition members of one table) has fewer than 3 voters.
- ``disclosure.all_same``: when everyone chose the same, nothing is split (the tally says all).
- ``disclosure.unanimous_group``: the splits are left out when a group (or combination) chose
  as one, because the split would show what each of them chose.
- ``disclosure.risky_tally``: the splits are left out whenever the outcome is such that leaving
  them out only for a unanimous group would itself show who chose what.

The first two depend on the roster alone, the last three on the votes: the splits of one
ballot pass or fail together (all attributes whose sizes pass are judged on their combined
groups), so a withheld split never hints at which group was unanimous.

Re-vote shifts (``A -> B``: 2) are counts over pairs of votes of the same voter. They are
shown when the same people voted twice and neither vote had its splits withheld for a reason
that depends on the votes (``disclosure.shift_hidden``); otherwise only the two tallies are.
When other people voted the second time, the shifts are left out (``disclosure.shift_voters``).

What is guaranteed (proved by brute force over every assignment of choices to voters in
``tests/test_disclosure.py``): an assignment *fits* when the rule, applied to it, publishes
exactly the same (tallies, splits, reasons, shifts). Whenever a tally has at least two
different choices, every voter keeps at least two different choices among the fitting
assignments. A unanimous tally fixes everyone's choice by itself; a secret ballot publishes
that too ("met algemene stemmen") and a trainer needs it, so then nothing beyond the tally
is published.

Call :func:`disclose_round` once per ballot with every attribute any view shows: two calls
with different attributes may each be safe and still single someone out together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MIN_GROUP = 3
"""A split is shown only when every group in it has at least this many voters."""

TOO_SMALL = "disclosure.too_small"
COMBINED = "disclosure.combined"
ALL_SAME = "disclosure.all_same"
UNANIMOUS_GROUP = "disclosure.unanimous_group"
RISKY_TALLY = "disclosure.risky_tally"
SHIFT_HIDDEN = "disclosure.shift_hidden"
SHIFT_VOTERS = "disclosure.shift_voters"

REASONS = (TOO_SMALL, COMBINED, ALL_SAME, UNANIMOUS_GROUP, RISKY_TALLY, SHIFT_HIDDEN, SHIFT_VOTERS)
"""Every reason key (each has a short explanation in the catalogs)."""

_VOTE_DEPENDENT = frozenset({UNANIMOUS_GROUP, RISKY_TALLY})

Split = dict[str, dict[str, int]]
"""One split: group (class) -> option -> count; only groups that have voters."""


@dataclass(frozen=True)
class Disclosure:
    """What may be published about one ballot (one phase of one round)."""

    voters: int
    tally: dict[str, int]
    splits: dict[str, Split] = field(default_factory=dict)
    withheld: dict[str, str] = field(default_factory=dict)  # attribute -> reason key

    @property
    def unanimous(self) -> bool:
        """Everyone chose the same ("met algemene stemmen")."""
        return self.voters > 0 and sum(1 for n in self.tally.values() if n) == 1

    def split(self, attribute: str) -> Split | None:
        """The published split by ``attribute``, or None when it is left out."""
        return self.splits.get(attribute)

    def reason(self, attribute: str) -> str | None:
        """Why the split by ``attribute`` is left out (a catalog key), or None."""
        return self.withheld.get(attribute)

    def to_dict(self) -> dict[str, Any]:
        return {"voters": self.voters, "tally": dict(self.tally), "splits": self.splits, "withheld": dict(self.withheld)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Disclosure":
        return cls(int(data["voters"]), dict(data["tally"]),
                   {a: {c: dict(t) for c, t in s.items()} for a, s in data.get("splits", {}).items()},
                   dict(data.get("withheld", {})))


@dataclass(frozen=True)
class ShiftTable:
    """What may be published about the change between a first vote and a re-vote."""

    voters: int  # who voted both times
    moves: tuple[tuple[str, str, int], ...] = ()  # (before, after, count) for changed choices only
    withheld: str | None = None  # reason key when the shifts are left out

    @property
    def changed(self) -> int | None:
        """How many chose differently the second time (None when left out)."""
        return None if self.withheld else sum(n for _, _, n in self.moves)

    def to_dict(self) -> dict[str, Any]:
        return {"voters": self.voters, "moves": [list(m) for m in self.moves], "withheld": self.withheld}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ShiftTable":
        moves = tuple((str(b), str(a), int(n)) for b, a, n in data.get("moves", []))
        return cls(int(data["voters"]), moves, data.get("withheld"))


@dataclass(frozen=True)
class RoundDisclosure:
    """A round's first vote, its re-vote (if any) and the shifts between them."""

    first: Disclosure
    second: Disclosure | None = None
    shift: ShiftTable | None = None


Attributes = Mapping[str, Mapping[str, Hashable]]
"""attribute name -> voter -> value (its group), e.g. {"side": {"p1": "coalition", ...}}."""


def tally(choices: Mapping[str, str], options: Sequence[str] = ()) -> dict[str, int]:
    """Votes per option: every listed option (zero included) in order, then any other choice."""
    counts = Counter(choices.values())
    result = {option: counts.get(option, 0) for option in options}
    for choice in sorted(set(counts) - set(result)):
        result[choice] = counts[choice]
    return result


def _split(choices: Mapping[str, str], values: Mapping[str, Hashable], options: Sequence[str]) -> Split:
    groups: dict[str, dict[str, str]] = {}
    for voter, choice in choices.items():
        groups.setdefault(str(values.get(voter, "")), {})[voter] = choice
    return {group: tally(members, options) for group, members in sorted(groups.items())}


def disclose_all(choices: Mapping[str, str], attributes: Attributes | None = None, options: Sequence[str] = ()) -> Disclosure:
    """Everything, no rule applied: for sessions whose votes are revealed with names."""
    splits = {name: _split(choices, values, options) for name, values in (attributes or {}).items()}
    return Disclosure(len(choices), tally(choices, options), splits, {})


def disclose(choices: Mapping[str, str], attributes: Attributes | None = None, options: Sequence[str] = ()) -> Disclosure:
    """What an anonymous session may publish about one ballot (see the module docstring).

    ``choices`` maps each voter to their choice, ``attributes`` each attribute (in the order
    the splits should be judged) to each voter's value, ``options`` gives the tally's order.
    """
    attributes = attributes or {}
    voters = list(choices)
    counts = tally(choices, options)
    withheld: dict[str, str] = {}
    eligible: list[str] = []
    cells: dict[str, tuple[Hashable, ...]] = {voter: () for voter in voters}
    for name, values in attributes.items():
        own = Counter(values.get(v, "") for v in voters)
        if not voters or min(own.values()) < MIN_GROUP:
            withheld[name] = TOO_SMALL
            continue
        joined = {v: cells[v] + (values.get(v, ""),) for v in voters}
        if min(Counter(joined.values()).values()) < MIN_GROUP:
            withheld[name] = COMBINED
            continue
        cells = joined
        eligible.append(name)
    splits: dict[str, Split] = {}
    if eligible:
        reason = _reason_from_votes(choices, cells, counts)
        if reason is None:
            splits = {name: _split(choices, attributes[name], options) for name in eligible}
        else:
            withheld.update({name: reason for name in eligible})
    ordered = {name: withheld[name] for name in attributes if name in withheld}
    return Disclosure(len(voters), counts, splits, ordered)


def _reason_from_votes(choices: Mapping[str, str], cells: Mapping[str, Hashable], counts: Mapping[str, int]) -> str | None:
    """Why the (combined) groups may not be shown, judged on the votes; None if they may."""
    if sum(1 for n in counts.values() if n) < 2:
        return ALL_SAME
    sizes = Counter(cells.values())
    if not unanimity_hides(sizes, counts):
        return RISKY_TALLY
    seen: dict[Hashable, set[str]] = {}
    for voter, choice in choices.items():
        seen.setdefault(cells[voter], set()).add(choice)
    if any(len(options) == 1 for options in seen.values()):
        return UNANIMOUS_GROUP
    return None


def unanimity_hides(sizes: Mapping[Hashable, int], counts: Mapping[str, int]) -> bool:
    """Whether "left out because a group was unanimous" still leaves every voter two choices.

    Knowing only the tally and that *some* group chose as one, a voter of group ``c`` may have
    chosen ``u`` (their group unanimous in ``u``) or anything left over once another group is
    unanimous. When some group ends up with a single possibility, the reason would give their
    vote away, so the splits are never shown for this tally (:data:`RISKY_TALLY`).
    """
    feasible = [(group, option) for group, size in sizes.items() for option, n in counts.items() if n >= size]
    if not feasible:
        return True  # no group can be unanimous: the reason never occurs
    for group in sizes:
        possible: set[str] = set()
        for other, option in feasible:
            if other == group:
                possible.add(option)
            else:
                possible |= {o for o, n in counts.items() if n - (sizes[other] if o == option else 0) > 0}
            if len(possible) >= 2:
                break
        if len(possible) < 2:
            return False
    return True


def shift_moves(first: Mapping[str, str], second: Mapping[str, str], options: Sequence[str] = ()) -> tuple[tuple[str, str, int], ...]:
    """Counts of changed choices among the voters of both ballots, in option order."""
    pairs = Counter((first[v], second[v]) for v in first if v in second and first[v] != second[v])
    order = {option: i for i, option in enumerate(options)}

    def key(move: tuple[str, str]) -> tuple[int, str, int, str]:
        return (order.get(move[0], len(order)), move[0], order.get(move[1], len(order)), move[1])

    return tuple((before, after, pairs[(before, after)]) for before, after in sorted(pairs, key=key))


def disclose_round(
    first: Mapping[str, str],
    second: Mapping[str, str] | None = None,
    attributes: Attributes | None = None,
    options: Sequence[str] = (),
) -> RoundDisclosure:
    """What an anonymous session may publish about a round: both ballots and their shifts."""
    one = disclose(first, attributes, options)
    if second is None:
        return RoundDisclosure(one)
    two = disclose(second, attributes, options)
    return RoundDisclosure(one, two, disclose_shift(first, second, one, two, options))


def disclose_shift(
    first: Mapping[str, str],
    second: Mapping[str, str],
    one: Disclosure,
    two: Disclosure,
    options: Sequence[str] = (),
) -> ShiftTable:
    """The shifts between two ballots, given what :func:`disclose` published about each."""
    both = sum(1 for v in first if v in second)
    if set(first) != set(second):
        return ShiftTable(both, (), SHIFT_VOTERS)
    if _VOTE_DEPENDENT & (set(one.withheld.values()) | set(two.withheld.values())):
        return ShiftTable(both, (), SHIFT_HIDDEN)
    return ShiftTable(both, shift_moves(first, second, options))


def disclose_round_all(
    first: Mapping[str, str],
    second: Mapping[str, str] | None = None,
    attributes: Attributes | None = None,
    options: Sequence[str] = (),
) -> RoundDisclosure:
    """Everything about a round, no rule applied (votes revealed with names)."""
    one = disclose_all(first, attributes, options)
    if second is None:
        return RoundDisclosure(one)
    both = sum(1 for v in first if v in second)
    return RoundDisclosure(one, disclose_all(second, attributes, options), ShiftTable(both, shift_moves(first, second, options)))

