"""Signals other apps may listen to without learning importing them (reach counts completions)."""

from django.dispatch import Signal

# sent with attempt=<QuizAttempt> once, when a new attempt is counted (never for a resubmission)
quiz_counted = Signal()
