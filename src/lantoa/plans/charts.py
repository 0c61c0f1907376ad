"""Server-rendered inline SVG charts: a tile grid of communes, ranked bars and a trend line. No JavaScript."""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lantoa.core.formats import vn_number

# Five steps of one hue, light to dark; tiles without data are grey.
SCALE = ("#fbe3dc", "#f4b5a3", "#e7806a", "#cc4b3c", "#9c1f1a")
EMPTY = "#eeeae7"


@dataclass(frozen=True)
class Datum:
    label: str
    value: int | None
    url: str = ""
    note: str = ""


def _shade(value: int | None, top: int) -> str:
    if not value or not top:
        return EMPTY
    step = min(len(SCALE) - 1, int(len(SCALE) * value / (top + 1)))
    return SCALE[step]


def _place_name(name: str) -> str:
    for prefix in ("Đặc khu ", "Phường ", "Xã "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _linked(url: str, inner: str) -> str:
    return f'<a href="{escape(url)}">{inner}</a>' if url else inner


def tile_grid(data: list[Datum], *, columns: int = 12, title: str = "") -> SafeString:
    """One square per commune (tile cartogram without geometry), shaded by value, labelled by initials."""
    size, gap = 46, 3
    rows = (len(data) + columns - 1) // columns
    width, height = columns * (size + gap), rows * (size + gap) + 24
    top = max((d.value or 0 for d in data), default=0)
    parts = [
        f'<svg class="chart tiles-map" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for position, datum in enumerate(data):
        x, y = (position % columns) * (size + gap), (position // columns) * (size + gap)
        short = "".join(word[0] for word in _place_name(datum.label).split()[:3])
        tooltip = f"{datum.label}: {vn_number(datum.value) if datum.value is not None else '–'} {datum.note}".strip()
        fill = _shade(datum.value, top)
        ink = "#fff" if fill in SCALE[3:] else "#1d1b1a"
        tile = (
            f'<g><title>{escape(tooltip)}</title><rect x="{x}" y="{y}" width="{size}" height="{size}" rx="4" fill="{fill}"/>'
            f'<text x="{x + size / 2}" y="{y + size / 2 + 4}" text-anchor="middle" font-size="12" fill="{ink}">{escape(short)}</text></g>'
        )
        parts.append(_linked(datum.url, tile))
    legend_y = rows * (size + gap) + 6
    for step, color in enumerate(SCALE):
        parts.append(f'<rect x="{step * 40}" y="{legend_y}" width="38" height="12" fill="{color}"/>')
    parts.append(
        f'<text x="{len(SCALE) * 40 + 6}" y="{legend_y + 11}" font-size="12">0 → {escape(vn_number(top))}</text></svg>'
    )
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def ranked_bars(data: list[Datum], *, title: str = "", limit: int = 15) -> SafeString:
    """Horizontal bars, longest first: the easiest chart to read on a phone."""
    shown = sorted(data, key=lambda d: d.value or 0, reverse=True)[:limit]
    top = max((d.value or 0 for d in shown), default=0) or 1
    row, label_w, bar_w = 26, 240, 240
    height = row * len(shown) + 4
    parts = [
        f'<svg class="chart bars" viewBox="0 0 {label_w + bar_w + 90} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for position, datum in enumerate(shown):
        y = position * row
        length = max(1, round(bar_w * (datum.value or 0) / top))
        label = datum.label if len(datum.label) <= 30 else datum.label[:29] + "…"
        line = (
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end" font-size="13">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 5}" width="{length}" height="16" rx="3" fill="{SCALE[3]}"/>'
            f'<text x="{label_w + length + 6}" y="{y + 18}" font-size="13">{escape(vn_number(datum.value or 0))} {escape(datum.note)}</text>'
        )
        parts.append(_linked(datum.url, f"<g>{line}</g>"))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def trend_line(data: list[Datum], *, title: str = "") -> SafeString:
    """Values over consecutive periods, as columns with the value above each."""
    width, height, pad = 520, 180, 28
    top = max((d.value or 0 for d in data), default=0) or 1
    step = (width - 2 * pad) / max(1, len(data))
    parts = [
        f'<svg class="chart trend" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#bdb5b0"/>',
    ]
    for position, datum in enumerate(data):
        bar_h = (height - 2 * pad - 14) * (datum.value or 0) / top
        x = pad + position * step + step * 0.15
        y = height - pad - bar_h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{bar_h:.1f}" rx="3" fill="{SCALE[2]}"/>'
            f'<text x="{x + step * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12">{escape(vn_number(datum.value) if datum.value is not None else "–")}</text>'
            f'<text x="{x + step * 0.35:.1f}" y="{height - 10}" text-anchor="middle" font-size="12">{escape(datum.label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
