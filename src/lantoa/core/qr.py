"""QR codes of public addresses, drawn as SVG.

Every drawing carries a viewBox as well as its natural width and height, so CSS can size it (`width: 100%`,
`height: auto`) and the modules scale with it instead of being cut or left in a corner.
"""

import base64
import io
import re

from segno import make_qr

_VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')


def _sized(svg: str) -> str:
    """segno writes either a size or a viewBox: keep the viewBox and give back the natural size beside it."""
    return _VIEWBOX.sub(r'width="\1" height="\2" \g<0>', svg, count=1)


def qr_svg(data: str, *, scale: int, title: str | None = None) -> str:
    """A standalone SVG document: with its namespace, so a browser draws it as a file or an <img>."""
    out = io.BytesIO()
    make_qr(data, error="m").save(out, kind="svg", scale=scale, title=title, xmldecl=False, svgns=True, omitsize=True)
    return _sized(out.getvalue().decode())


def qr_data_uri(data: str, *, scale: int = 6) -> str:
    """For an <img> in a printed page (posters, certificates)."""
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(data, scale=scale).encode()).decode()


def qr_svg_inline(data: str, *, scale: int, title: str | None = None) -> str:
    """The same drawing without the namespace, for an <svg> written straight into an HTML page."""
    return _sized(make_qr(data, error="m").svg_inline(scale=scale, title=title, omitsize=True))
