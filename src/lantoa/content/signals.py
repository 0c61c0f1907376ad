"""Signals other apps may listen to without content importing them (reach counts views)."""

from django.dispatch import Signal

# sent with page=<WorkerPage>, request=<HttpRequest> each time a worker page is served (cached or not)
page_viewed = Signal()
