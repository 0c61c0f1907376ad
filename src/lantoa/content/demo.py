"""Demo content: the seed lessons under /bai-hoc/, published (marked official only once a reviewer approves)."""

from lantoa.content import editorial, services
from lantoa.content.models import LessonIndexPage
from lantoa.orgs.models import User


def load(*, logins: list[tuple[str, str, str]]) -> str:
    result = services.lessons_import()
    if result.problems:
        raise RuntimeError("; ".join(f"{p.file}: {p.message}" for p in result.problems))
    editorial.editorial_setup(index=LessonIndexPage.objects.get())
    for user in User.objects.filter(person__memberships__role__in=editorial.ROLE_GROUPS).distinct():
        editorial.editorial_groups_sync(user=user)
    return f"review workflow on /bai-hoc/; lessons created={result.created} updated={result.updated} unchanged={result.unchanged}"
