"""The offline pack: what a phone stores after one visit (the pages and files the service worker keeps at install)
and after saving the largest topic, in bytes on the wire with gzip; and each kept page's first view (HTML + CSS + JS,
compressed), which must stay within 14 KB."""

import json
import re
import urllib.request

from bench.harness import gunicorn, gzip_size, prepared_site

FIRST_VIEW_LIMIT = 14 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.read().decode()


def _kept(service_worker: str, name: str) -> list[str]:
    return json.loads(re.search(rf"const {name} = (\[.*?\]);", service_worker).group(1))


def _static(service_worker: str) -> list[str]:
    return json.loads(re.search(r"cache\.addAll\((\[.*?\])\)", service_worker).group(1))


def _first_view(base: str, path: str) -> int:
    html = _get(base + path)
    assets = dict.fromkeys(ASSET.findall(html))
    return gzip_size(base + path)["bytes_gzip"] + sum(gzip_size(base + asset)["bytes_gzip"] for asset in assets)


def run() -> dict:
    with prepared_site("lantoa_bench_offline") as env, gunicorn(env) as base:
        service_worker = _get(f"{base}/sw.js")
        pages = {path: gzip_size(base + path)["bytes_gzip"] for path in _kept(service_worker, "KEPT")}
        static = {path: gzip_size(base + path)["bytes_gzip"] for path in _static(service_worker)}
        topics = re.findall(r'data-pack="([^"]+)"', _get(f"{base}/bai-hoc/"))
        topics += [pack for url in re.findall(r'href="(/bai-hoc/[^"/]+/)"', _get(f"{base}/bai-hoc/"))
                   for pack in re.findall(r'data-pack="([^"]+)"', _get(base + url))]  # fmt: skip
        packs = {}
        for pack in dict.fromkeys(topics):
            urls = [url for url in json.loads(_get(base + pack))["urls"] if url not in static]
            packs[pack] = sum(gzip_size(base + url)["bytes_gzip"] for url in urls)
        first_views = {path: _first_view(base, path) for path in pages if not path.endswith(".json")}
    one_visit = sum(pages.values()) + sum(static.values())
    largest_topic = max(packs.values(), default=0)
    return {
        "after_one_visit_bytes_gzip": one_visit,
        "kept_pages_bytes_gzip": pages,
        "static_files_bytes_gzip": static,
        "topic_packs_bytes_gzip": packs,
        "with_largest_topic_bytes_gzip": one_visit + largest_topic,
        "first_view_bytes_gzip": first_views,
        "first_view_limit_bytes": FIRST_VIEW_LIMIT,
        "every_first_view_within_limit": all(size <= FIRST_VIEW_LIMIT for size in first_views.values()),
    }
