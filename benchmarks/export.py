"""Exporting a 200-round session to Markdown, HTML, Word and JSON, against json.dumps of its raw events.

Run: python benchmarks/export.py [ROUNDS]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from _timing import best_of  # noqa: E402

from dilemmaspel.core.session import replay  # noqa: E402
from dilemmaspel.transcript import FORMATS, to_docx, to_html, to_json, to_markdown, write_transcripts  # noqa: E402
from tests import sessionfactory as factory  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    start = time.perf_counter()
    engine = factory.long_session(None, rounds=rounds)
    built = time.perf_counter() - start
    events = engine.sink.events  # type: ignore[attr-defined]
    raw = [event.model_dump(mode="json") for event in events]
    assert len(engine.state.rounds) == rounds

    baseline = best_of(lambda: json.dumps(raw, ensure_ascii=False, indent=2))
    t_replay = best_of(lambda: replay(events))
    t_md = best_of(lambda: to_markdown(replay(events)))
    t_html = best_of(lambda: to_html(replay(events)))
    t_docx = best_of(lambda: to_docx(replay(events)), repeat=3)
    t_json = best_of(lambda: to_json("bench", events))
    with tempfile.TemporaryDirectory() as tmp:
        t_files = best_of(lambda: write_transcripts("bench", events, Path(tmp), FORMATS), repeat=3)
        sizes = {p.suffix: p.stat().st_size for p in Path(tmp).iterdir()}

    print(f"session: {rounds} rounds, {len(engine.state.participants)} participants, {len(events):,} events "
          f"(built in {built:.2f} s)")
    print(f"files: Markdown {sizes['.md'] / 1e6:.2f} MB, HTML {sizes['.html'] / 1e6:.2f} MB, "
          f"Word {sizes['.docx'] / 1e6:.2f} MB, JSON {sizes['.json'] / 1e6:.2f} MB")
    print(f"baseline json.dumps(raw events):  {baseline * 1000:8.1f} ms")
    print(f"replay alone:                     {t_replay * 1000:8.1f} ms  (ratio {t_replay / baseline:5.1f})")
    print(f"Markdown (replay + render):       {t_md * 1000:8.1f} ms  (ratio {t_md / baseline:5.1f})")
    print(f"HTML (replay + render):           {t_html * 1000:8.1f} ms  (ratio {t_html / baseline:5.1f})")
    print(f"Word (replay + render):           {t_docx * 1000:8.1f} ms  (ratio {t_docx / baseline:5.1f})")
    print(f"JSON transcript:                  {t_json * 1000:8.1f} ms  (ratio {t_json / baseline:5.1f})")
    print(f"write_transcripts (all formats):  {t_files * 1000:8.1f} ms  (ratio {t_files / baseline:5.1f})")


if __name__ == "__main__":
    main()
