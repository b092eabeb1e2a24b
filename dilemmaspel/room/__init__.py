"""The room server for own devices: every participant votes on their own phone.

An aiohttp app in the TUI's own asyncio loop, sharing the TUI's one Engine. It depends on
``core`` and ``store``, never on ``tui``; aiohttp, segno and ifaddr are imported only when a
device session opens.
"""
