"""Background work of the law library (run by `manage.py db_worker`)."""

import logging

from django.db import transaction
from django_tasks import task

from lantoa.legal import search

logger = logging.getLogger(__name__)


@task()
def index_build() -> str:
    """Rebuild the search index from the database and publish it to every app server; returns its version."""
    articles, version = search.index_build()
    logger.info("search index %s published: %d articles", version, articles)
    return version


def index_build_later() -> None:
    """Queue a rebuild once the current transaction commits (the worker must see what it wrote)."""
    transaction.on_commit(index_build.enqueue)
