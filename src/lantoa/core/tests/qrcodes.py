"""Decode the QR codes the site draws, as a phone would: from pixels, not from the text we encoded."""

import subprocess
from pathlib import Path

from lantoa.core.tests.support import require_tool


def decode_png(png: Path) -> str:
    command = [require_tool("zbarimg"), "--raw", "-q", str(png)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own file
    assert result.returncode == 0, f"no QR code found in {png.name}"
    return result.stdout.strip()


def screenshot_in_chromium(source: Path) -> Path:
    """A 500 × 500 screenshot of a file as chromium draws it."""
    shot = source.with_suffix(".png")
    subprocess.run(  # noqa: S603 - Debian's chromium on our own file
        [
            require_tool("chromium"),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={shot}",
            "--window-size=500,500",
            source.as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return shot


def decode_svg_in_chromium(svg: bytes, tmp_path: Path) -> str:
    """Draw the served SVG file in chromium and decode the screenshot: an SVG without its namespace draws nothing."""
    source = tmp_path / "qr.svg"
    source.write_bytes(svg)
    return decode_png(screenshot_in_chromium(source))


def decode_pdf(pdf: bytes, tmp_path: Path) -> str:
    """Print the PDF's first page to pixels with poppler and decode the QR code on it."""
    source = tmp_path / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(  # noqa: S603 - poppler on our own file
        [
            require_tool("pdftoppm"),
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(tmp_path / "page"),
        ],
        capture_output=True,
        check=True,
    )
    return decode_png(tmp_path / "page.png")
