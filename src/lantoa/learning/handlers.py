"""Reactions to changes in other apps (kept thin: each queues one build)."""

from typing import Any

from lantoa.core import public_files
from lantoa.learning import files
from lantoa.orgs.models import Person, User

# what `ContestEntry.holder_name` prints
NAME_FIELDS = {"full_name", "user", "username"}


def certificates_refresh(sender: type, instance: Person | User, **kwargs: Any) -> None:
    """A person or account was saved (perhaps renamed): their certificates get rebuilt if the printed name changed."""
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not NAME_FIELDS & set(update_fields):
        return  # a login stamp or a password change: the name is as it was
    user_id = instance.user_id if isinstance(instance, Person) else instance.pk
    if user_id is None:
        return
    for pk in files.entry_ids_for_user(user_id=user_id):
        if public_files.files_missing(source=files.SOURCE, pk=pk):  # the stored file's name carries the printed name
            public_files.files_build_later(source=files.SOURCE, pk=pk)
