"""QR codes of public addresses, drawn as SVG."""

import base64
import io

from segno import make_qr


def qr_svg(data: str, *, scale: int, title: str | None = None) -> str:
    """A standalone SVG document: with its namespace, so a browser draws it as a file or an <img>."""
    out = io.BytesIO()
    make_qr(data, error="m").save(out, kind="svg", scale=scale, title=title, xmldecl=False, svgns=True)
    return out.getvalue().decode()


def qr_data_uri(data: str, *, scale: int = 6) -> str:
    """For an <img> in a printed page (posters, certificates)."""
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(data, scale=scale).encode()).decode()


def qr_svg_inline(data: str, *, scale: int, title: str | None = None) -> str:
    """The same drawing without the namespace, for an <svg> written straight into an HTML page."""
    return make_qr(data, error="m").svg_inline(scale=scale, title=title)
