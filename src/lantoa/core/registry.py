"""How apps plug into shared screens without importing each other.

An app declares, on its AppConfig:
- `worker_tile`: {"title", "text", "url_name", "order"} – an entry on the worker home (or a tuple of them);
- `worker_home_items`: "dotted.path" to `items(*, enterprise) -> [{"title", "text", "url"}, …]` – cards for this
  worker on the home page (`enterprise` is the QR context, or None);
- `worker_home_templates`: ("app/_template.html", …) – parts of the worker home drawn on the phone itself (what the
  device keeps, such as the worker's receipts); included as they are, with no server data;
- `offline_pages`: ((url_name, label or None), …) – worker pages a phone keeps after one visit (the service worker
  stores them); those with a label are listed on the offline page as what still works without network;
- `offline_static`: ("app/file.js", …) – static files those pages need offline;
- `worker_page_scripts`: (("app/file.js", "localStorage key"), …) – scripts every worker page loads while the phone
  keeps something under that key (none on a first visit), such as the outbox that sends what a worker kept offline
  from whichever page they open next;
- `office_links`: ((action, url_name, label[, "dotted.path"]), …) – back-office menu entries, shown when
  `can(user, action)`, or `can(user, action, obj)` where the page checks one unit (`obj` from the dotted path);
- `demo_loader`: "dotted.path" to `load(*, logins: list) -> str`, called by `manage.py load_demo` in app order;
- `sitemaps`: {"name": "dotted.path.SitemapClass"} – public pages for /sitemap.xml;
- `api_router`: ("/prefix/", "dotted.path.router") – a django-ninja Router mounted under /api/v1/;
- `provision_explainers`: "dotted.path" to `explain(keys) -> {(doc_number, "Điều N"): [(title, url), …]}` – pages
  that explain a law article (lessons), shown beside the article in legal search;
- `provision_tools`: "dotted.path" to `tools(*, document_number, article_number) -> [(label, url), …]` – tools
  that apply a law article (calculators), linked from the article's page;
- `anonymous_paths`: ("/url-prefix/", …) – worker pages with no account: voice.privacy strips address and user agent
  there as on voice URLs;
- `receipt_paths`: ("/url-prefix/", …) – URLs whose next path segment is a receipt: voice.privacy masks that segment
  in every log line, whatever was typed there;
- `case_follow_notes`: "dotted.path" to `(report=…) -> [str]` – lines a worker reads on their case page (what
  became of their report elsewhere, such as a recommendation and its answer);
- `indicator_sources`: "dotted.path" to a function returning a list of `IndicatorSource` (plans reads them);
- `reminders`: "dotted.path" to `(on=date) -> [Reminder]` – what the daily reminder run (plans' `plans_remind`)
  records as notices to units and mails to their officials, e.g. a recommendation coming due;
- `metric_counts`: ((metric_name, help, "app_label.Model", field), …) – row counts by that field's values on
  `/metrics` (core.metrics), e.g. reports by status;
- `public_files`: ("dotted.path", …) to `core.public_files.PublicFileSource` objects – files anyone may download
  (posters, certificates), built by the worker when what they show changes and streamed from storage on a GET;
- `health_reports`: {"name": "dotted.path"} – `report() -> dict` (JSON-ready, cheap: no heavy query) added under
  that name to `/healthz`, e.g. the search-index version.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class IndicatorSource:
    """A number the platform computes from its own records, for plans' indicators.

    `values(start=…, end=…)` returns {org_unit_id: count} for the lowest units the records belong to
    (usually an enterprise's unit, else a commune or a body); counts are additive, so plans sums them up the tree.
    `records_url_name` names a view listing the records behind a number, taking ?unit=<code>&start=&end= (ISO dates).
    `records_action`, when set, is the action that view requires: a reader without it sees the counts per unit instead.
    """

    code: str
    label: "StrOrPromise"
    measure: "StrOrPromise"
    values: Callable[..., dict[int, int]]
    records_url_name: str = ""
    records_action: str = ""


@dataclass(frozen=True)
class Reminder:
    """One notice an app asks the daily reminder run to send `on` a day; `kind` is one of plans' `Notice.Kind`
    values, `subject_key` names the thing reminded of (at most one notice per unit, kind, subject and day).
    `due_on` is the deadline reminded of: once it has passed, the run (not the app) decides on which days the
    reminder still goes out (`plans.services.notices.overdue_reminded`)."""

    unit_id: int
    kind: str
    subject_key: str
    message: str
    url: str = ""
    due_on: dt.date | None = None


def declared(attribute: str) -> Iterator[tuple[Any, Any]]:
    """(app config, value) for every installed app that declares `attribute`, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        value = getattr(config, attribute, None)
        if value:
            yield config, value


def sitemaps() -> dict[str, Any]:
    return {name: import_string(path) for _config, mapping in declared("sitemaps") for name, path in mapping.items()}


def indicator_sources() -> list[IndicatorSource]:
    return [source for _config, path in declared("indicator_sources") for source in import_string(path)()]


def reminders(*, on: dt.date) -> list[Reminder]:
    return [reminder for _config, path in declared("reminders") for reminder in import_string(path)(on=on)]


def period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes covering the whole days from `start` to `end`, in the site's time zone."""
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


def provision_explainers(keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Pages other apps offer as explaining these (doc_number, article) keys, merged across apps."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for _config, path in declared("provision_explainers"):
        for key, pages in import_string(path)(keys).items():
            found.setdefault(key, []).extend(pages)
    return found


def provision_tools(*, document_number: str, article_number: str) -> list[tuple[str, str]]:
    """(label, url) of the tools other apps offer for applying one article, e.g. ("45/2019/QH14", "98")."""
    return [
        tool
        for _config, path in declared("provision_tools")
        for tool in import_string(path)(document_number=document_number, article_number=article_number)
    ]


def health_reports() -> dict[str, Any]:
    """Each app's `/healthz` section, by name."""
    return {
        name: import_string(path)() for _config, reports in declared("health_reports") for name, path in reports.items()
    }
