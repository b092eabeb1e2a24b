"""Timestamps as people read them: local time, to the minute."""

from __future__ import annotations

from datetime import datetime


def local_time(iso: str) -> str:
    """An ISO timestamp as local 'YYYY-MM-DD HH:MM' (the text itself when it is not one)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def local_clock(iso: str) -> str:
    """An ISO timestamp as local 'HH:MM' ('' when it is not one)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")
    except ValueError:
        return ""


def local_day(iso: str) -> str:
    """An ISO timestamp as the local date 'YYYY-MM-DD' ('' when it is not one)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d")
    except ValueError:
        return ""
