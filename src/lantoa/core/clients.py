"""The network address of the client, trusting `X-Forwarded-For` only as far as the configured proxies reach.

Anyone can send an `X-Forwarded-For` header; only the entries appended by our own proxies (`TRUSTED_PROXIES`) are
facts. So the address is REMOTE_ADDR unless that is a trusted proxy, and then the right-most forwarded entry that is
not one of ours: the hop that connected to our outermost proxy.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _is_trusted(address: str, networks: list) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    networks = [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(remote, networks):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, networks):
            return hop
    return hops[0] if hops else remote
