"""gunicorn settings for Lan Tỏa (`gunicorn -c deploy/gunicorn.conf.py lantoa.config.wsgi:application`).

Each variable can be overridden from the environment: GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS,
GUNICORN_TIMEOUT. No access log: nginx keeps one (without the anonymous paths), and gunicorn's would record
workers' addresses and user agents on voice pages.
"""

import multiprocessing
import os
from pathlib import Path

# The code runs from its source tree (as manage.py does), not from an installed package.
pythonpath = str(Path(__file__).resolve().parents[1] / "src")


def _setting(name: str, default: object) -> str:
    return os.environ.get(name) or str(default)  # an empty line in the environment file means the default


bind = _setting("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(_setting("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count() * 2)))
threads = int(_setting("GUNICORN_THREADS", 2))
timeout = int(_setting("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
# Recycle workers now and then, so a slow leak never grows for months.
max_requests = 2000
max_requests_jitter = 200
accesslog = None
errorlog = "-"
loglevel = "warning"
forwarded_allow_ips = _setting("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def worker_exit(server: object, worker: object) -> None:
    """A worker recycled or stopped writes the page views it still holds (reach/buffer.py)."""
    from lantoa.reach import buffer

    buffer.flush()
