"""Writes of the voice app, one module per topic: reports, cases, surveys, hotspots."""
