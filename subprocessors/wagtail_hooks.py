from django.contrib import messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_modeladmin.options import modeladmin_register

from .admin_records import AlertsAndObjectionsGroup
from .changes import notice_for_pending_change, waiting_notice
from .forms import ENTRY_EDIT_HANDLER, NOTICE_EDIT_HANDLER, notice_edit_url
from .models import ChangeNotice, RegisterChange, Subprocessor


class SubprocessorViewSet(SnippetViewSet):
    model = Subprocessor
    icon = "globe"
    menu_label = gettext_lazy("Sub-processors")
    menu_name = "subprocessors"
    add_to_admin_menu = False
    edit_handler = ENTRY_EDIT_HANDLER
    list_display = [
        "name",
        Column(
            "recipient_type",
            label=pgettext_lazy("type of recipient", "Type"),
            accessor="get_recipient_type_display",
        ),
        Column(
            "countries",
            label=pgettext_lazy("where data is processed", "Where"),
            accessor="countries_display",
        ),
        Column(
            "transfer_safeguard",
            label=gettext_lazy("Safeguard"),
            accessor="get_transfer_safeguard_display",
        ),
        Column("products", label=gettext_lazy("Products"), accessor="products_display"),
        DateColumn(
            "start_date",
            label=pgettext_lazy("register table column: the date a recipient started", "Since"),
        ),
        DateColumn("end_date", label=gettext_lazy("Stopped")),
    ]
    list_filter = {
        "recipient_type": ["exact"],
        "transfer_safeguard": ["exact"],
        "live": ["exact"],
        "uses__product": ["exact"],
    }
    list_export = [
        "public_id",
        "name",
        "legal_entity",
        "recipient_type",
        "description",
        "countries_display",
        "transfer_safeguard",
        "data_categories",
        "data_subjects",
        "privacy_notice_url",
        "start_date",
        "end_date",
        "products_display",
        "live",
        "has_unpublished_changes",
    ]
    export_headings = {
        "public_id": "Stable id",
        "countries_display": "Countries",
        "products_display": "Products",
    }
    export_filename = "subprocessor-register-admin"
    search_fields = ["name", "legal_entity", "description"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Subprocessor.objects.prefetch_related("uses__product")


class ChangeNoticeViewSet(SnippetViewSet):
    model = ChangeNotice
    icon = "warning"
    menu_label = gettext_lazy("Change notices")
    menu_name = "change_notices"
    edit_handler = NOTICE_EDIT_HANDLER
    list_display = [
        "title",
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        DateColumn("notice_date", label=gettext_lazy("Notice date")),
        DateColumn("effective_date", label=gettext_lazy("Takes effect")),
        DateColumn("objection_deadline", label=gettext_lazy("Objection deadline")),
    ]
    list_filter = {"kind": ["exact"], "live": ["exact"], "products": ["exact"]}
    list_export = [
        "uuid",
        "kind",
        "title",
        "summary",
        "notice_date",
        "effective_date",
        "objection_deadline",
        "all_products",
        "live",
        "first_published_at",
        "last_published_at",
    ]
    export_filename = "change-notices-admin"
    search_fields = ["title", "summary"]
    ordering = ["-notice_date", "-pk"]


class PrivacyRegisterGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Privacy register")
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (SubprocessorViewSet, ChangeNoticeViewSet)


register_snippet(PrivacyRegisterGroup)
modeladmin_register(AlertsAndObjectionsGroup)  # the DPO's records: admin_records.py


class UnannouncedChangesPanel(Component):
    """Dashboard warning while a live register change has no published change notice."""

    name = "unannounced_register_changes"
    order = 50

    def render_html(self, parent_context=None):
        changes = list(RegisterChange.unannounced()[:20])
        if not changes:
            return ""
        rows = format_html_join(
            "",
            "<li>{}{}</li>",
            (
                (
                    change.description,
                    format_html(
                        ' <a href="{}">{}</a>',
                        _edit_url(change.notice),
                        _("Review the drafted notice"),
                    )
                    if change.notice
                    else " " + _("(no notice drafted: add a change notice)"),
                )
                for change in changes
            ),
        )
        return format_html(
            '<section class="panel w-panel help-block help-warning" '
            'aria-labelledby="unannounced-h" style="margin-bottom:2rem;padding:1rem 1.5rem">'
            '<h2 id="unannounced-h">{}</h2><p>{}</p><ul>{}</ul></section>',
            _("Register changes without a published notice"),
            _(
                "Schools must be told before these changes take effect. Publish a change notice "
                "for each one."
            ),
            rows,
        )


def _edit_url(notice):
    return notice_edit_url(notice)


@hooks.register("construct_homepage_panels")
def add_unannounced_changes_panel(request, panels):
    panels.insert(0, UnannouncedChangesPanel())


@hooks.register("register_log_actions")
def register_urgent_change_log_action(actions):
    actions.register_action(
        "subprocessors.urgent_change",
        gettext_lazy("Urgent change approved without prior notice"),
        gettext_lazy("Urgent change approved without prior notice"),
    )


def _draft_notice_for_saved_entry(request, instance):
    """After an entry is saved with an unannounced addition, make sure a change notice is
    drafted for it, and say so."""
    if not isinstance(instance, Subprocessor):
        return
    latest = instance.get_latest_revision_as_object()
    if latest.live and not latest.has_unpublished_changes:
        return
    notice = notice_for_pending_change(latest)
    if notice is not None and not notice.live:
        messages.info(
            request,
            format_html(
                _(
                    "This change must be announced before it goes live. A change notice is "
                    'drafted for it: <a href="{url}">{title}</a>.'
                ),
                url=notice_edit_url(notice),
                title=notice.title,
            ),
        )


hooks.register("after_create_snippet", _draft_notice_for_saved_entry)
hooks.register("after_edit_snippet", _draft_notice_for_saved_entry)


@hooks.register("before_edit_snippet")
def warn_about_unannounced_change(request, instance):
    """On an entry's edit page: say plainly when its pending change cannot be approved yet."""
    if request.method != "GET" or not isinstance(instance, Subprocessor):
        return None
    latest = instance.get_latest_revision_as_object()
    problems = latest.unannounced_additions()
    if not problems or latest.urgent_override() is not None:
        return None
    notice = waiting_notice(instance)
    link = (
        format_html(
            ' <a href="{}">{}</a>.', notice_edit_url(notice), _("Open the drafted change notice")
        )
        if notice
        else ""
    )
    messages.warning(
        request,
        format_html(
            "{} {}{}",
            _("This change cannot be approved yet: schools must be told first."),
            " ".join(latest.describe_unannounced(problems)),
            link,
        ),
    )
    return None
