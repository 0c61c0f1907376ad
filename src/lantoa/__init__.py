"""Lan Tỏa. The version is read by pyproject.toml, /metrics and backup manifests."""

__version__ = "0.1.0"
