"""Views of the voice app: worker pages (no account), office pages for cases, surveys and hotspots."""
