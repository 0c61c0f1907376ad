"""The editorial workflow: editors draft, a reviewer (LĐLĐ or the Propaganda Board) approves, Wagtail publishes.

Roles come from `orgs` memberships (editor, reviewer) and are mirrored into two Wagtail groups at login,
so the permission to use /cms/ follows the organisation tree and ends with the membership.
"""

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from lantoa.content.models import LessonIndexPage
from lantoa.orgs.models import Membership, Role

EDITOR_GROUP = "Biên tập viên nội dung"
REVIEWER_GROUP = "Người duyệt nội dung"
WORKFLOW_NAME = "Duyệt nội dung tuyên truyền"
ROLE_GROUPS: dict[str, str] = {Role.EDITOR: EDITOR_GROUP, Role.REVIEWER: REVIEWER_GROUP}
# Editors draft and submit for review; only reviewers publish (which is what approving does).
PAGE_PERMISSIONS = {
    EDITOR_GROUP: ("add_page", "change_page"),
    REVIEWER_GROUP: ("add_page", "change_page", "publish_page"),
}
COLLECTION_PERMISSIONS = ("add_image", "choose_image", "add_document", "choose_document")


@transaction.atomic
def editorial_setup(*, index: LessonIndexPage) -> Workflow:
    """Groups, their permissions on the lesson tree and the review workflow on it (idempotent)."""
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
        for codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.get(
                codename=codename, content_type__app_label__in=("wagtailimages", "wagtaildocs")
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    task = GroupApprovalTask.objects.filter(name=_("Người duyệt kiểm tra nội dung và căn cứ pháp lý")).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=_("Người duyệt kiểm tra nội dung và căn cứ pháp lý"))
    task.groups.set([groups[REVIEWER_GROUP]])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def editorial_groups_sync(*, user: Any) -> list[str]:
    """Put `user` in the Wagtail groups their active editor/reviewer memberships call for, and out of the others."""
    roles = set(
        Membership.objects.filter(person__user=user, ended_on__isnull=True, role__in=ROLE_GROUPS).values_list(
            "role", flat=True
        )
    )
    wanted = {ROLE_GROUPS[role] for role in roles}
    for group in Group.objects.filter(name__in=ROLE_GROUPS.values()):
        if group.name in wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    return sorted(wanted)
