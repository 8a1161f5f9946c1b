"""The DPO's approval step, which never approves an unannounced register change."""

from django.urls import reverse
from wagtail.models import GroupApprovalTask


class DPOApprovalTask(GroupApprovalTask):
    """Group approval (the DPO group) that refuses to approve a register entry whose change no
    live notice announces in time. Approving from the dashboard then opens the entry's edit
    page, which says why and links to the drafted notice; nothing changes state."""

    class Meta:
        proxy = True
        verbose_name = "DPO approval task"
        verbose_name_plural = "DPO approval tasks"

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            candidate = task_state.revision.as_object()
            check = getattr(candidate, "unannounced_additions", None)
            if check is not None and check() and candidate.urgent_override() is None:
                viewset = candidate.snippet_viewset
                return reverse(viewset.get_url_name("edit"), args=[candidate.pk])
        return super().on_action(task_state, user, action_name, **kwargs)
