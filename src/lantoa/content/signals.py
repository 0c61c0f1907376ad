"""Signals other apps may listen to without content importing them (reach counts views)."""

from django.dispatch import Signal

# sent with page_id, topic, request=<HttpRequest> each time a worker page is served (cached or not), and
# what="clarification" for an official clarification of the rumour desk (counted apart from lesson views)
page_viewed = Signal()
