"""Reads of the voice app, permission-scoped: cases, aggregates, surveys, hotspots."""
