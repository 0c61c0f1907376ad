"""deploy/nginx/lantoa.conf as shipped, run by the real nginx on loopback ports: it parses, and a receipt typed into
`GET /api/v1/claims/{receipt}` reaches neither its access log nor its error log (while other paths are logged)."""

import http.client
import re
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lantoa.core.tests.support import require
from lantoa.voice import crypto

DEPLOY = Path(__file__).resolve().parents[4] / "deploy" / "nginx"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
OPENSSL = shutil.which("openssl")

WRAPPER = """worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log {dir}/other.log;
  client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fcgi;
  uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  include {dir}/lantoa.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, check=check, capture_output=True, text=True)  # noqa: S603 - fixed local tools


def _site(folder: Path, *, http_port: int, https_port: int, app_port: int) -> str:
    """The shipped site with loopback ports, a throwaway certificate and every path under `folder`."""
    text = (DEPLOY / "lantoa.conf").read_text()
    text = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", text)
    text = text.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    text = text.replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
    text = text.replace("server 127.0.0.1:8001;", f"server 127.0.0.1:{app_port};")
    text = re.sub(r"/etc/letsencrypt/live/lantoa.example/\w+\.pem", str(folder / "cert.pem"), text)
    text = text.replace("/etc/nginx/snippets/", f"{DEPLOY}/").replace("/var/log/nginx/", f"{folder}/")
    return text.replace(
        "ssl_certificate_key " + str(folder / "cert.pem"), "ssl_certificate_key " + str(folder / "key.pem")
    )


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[tuple[int, int, Path]]:
    require(NGINX is not None, "nginx")
    require(OPENSSL is not None, "openssl")
    _run(str(OPENSSL), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=lantoa.example",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem"))  # fmt: skip
    http_port, https_port = free_port(), free_port()
    # No app listens there: every proxied request fails, the case where nginx writes an error line.
    site = _site(tmp_path, http_port=http_port, https_port=https_port, app_port=free_port())
    (tmp_path / "lantoa.conf").write_text(site)
    conf = tmp_path / "nginx.conf"
    conf.write_text(WRAPPER.format(dir=tmp_path))
    base = [str(NGINX), "-e", str(tmp_path / "error.log"), "-c", str(conf)]
    checked = _run(*base, "-t", check=False)
    assert checked.returncode == 0, checked.stderr
    _run(*base)
    try:
        yield http_port, https_port, tmp_path
    finally:
        _run(*base, "-s", "stop", check=False)


def _get(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path, headers={"Host": "lantoa.example"})
    response = connection.getresponse()
    response.read()
    return response.status


def _logged(path: Path, text: str, *, within: float = 10.0) -> bool:
    """nginx writes a request's log line after the client has its response: wait for the line to appear."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text():
            return True
        time.sleep(0.05)
    return False


def test_the_shipped_config_keeps_a_receipt_in_the_url_out_of_every_log(nginx: tuple[int, int, Path]) -> None:
    http_port, https_port, folder = nginx
    receipt = crypto.receipt_new().code
    insecure = ssl._create_unverified_context()  # noqa: S323 - a throwaway certificate on loopback
    plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
    secure = http.client.HTTPSConnection("127.0.0.1", https_port, timeout=10, context=insecure)
    assert _get(plain, f"/api/v1/claims/{receipt}") == 301
    assert _get(secure, f"/api/v1/claims/{receipt}") == 502
    assert _get(secure, f"/api/v1/claims/{receipt[:-1]}") == 502
    assert _get(secure, "/thong-tin-chinh-thuc/") == 502  # an ordinary page: logged, so the logs do work
    plain.close()
    secure.close()
    # The ordinary page came last on each connection: once it is logged, the receipts before it were too.
    assert _logged(folder / "lantoa.access.log", "/thong-tin-chinh-thuc/")
    assert _logged(folder / "error.log", "/thong-tin-chinh-thuc/")
    logged = "".join(path.read_text() for path in folder.glob("*.log"))
    assert receipt not in logged and receipt[:-1] not in logged and "/api/v1/claims" not in logged
