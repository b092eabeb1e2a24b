"""The join QR code as text: two modules per character cell with half blocks, for a terminal."""

from __future__ import annotations


def qr_lines(data: str, border: int = 2) -> list[str]:
    """Lines of ``▀ ▄ █`` and spaces where a block is a dark module (draw dark on light)."""
    import segno

    qr = segno.make(data, error="m")
    matrix = [list(row) for row in qr.matrix]
    size = len(matrix)
    blank = [0] * (size + 2 * border)
    rows = [blank] * border + [[0] * border + [1 if m else 0 for m in row] + [0] * border for row in matrix] + [blank] * border
    if len(rows) % 2:
        rows.append(blank)
    glyphs = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}
    return ["".join(glyphs[(top, bottom)] for top, bottom in zip(rows[i], rows[i + 1])) for i in range(0, len(rows), 2)]
