"""Writes for grassroots activities, one module per sub-topic; import them as `services.events` etc."""
