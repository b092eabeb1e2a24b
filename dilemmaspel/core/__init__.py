"""The pure domain of dilemmaspel: cards, methods, rosters, groups, sessions, statistics.

Nothing in this package imports Textual; it is tested without a terminal.
"""
