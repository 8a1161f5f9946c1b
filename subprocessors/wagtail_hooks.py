from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ChangeNotice, RegisterChange, Subprocessor


class SubprocessorViewSet(SnippetViewSet):
    model = Subprocessor
    icon = "globe"
    menu_label = "Sub-processors"
    menu_name = "subprocessors"
    add_to_admin_menu = False
    list_display = [
        "name",
        Column("recipient_type", label="Type", accessor="get_recipient_type_display"),
        Column("countries", label="Where", accessor="countries_display"),
        Column("transfer_safeguard", label="Safeguard", accessor="get_transfer_safeguard_display"),
        Column("products", label="Products", accessor="products_display"),
        DateColumn("start_date", label="Since"),
        DateColumn("end_date", label="Stopped"),
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
    menu_label = "Change notices"
    menu_name = "change_notices"
    list_display = [
        "title",
        Column("kind", label="Kind", accessor="get_kind_display"),
        DateColumn("notice_date", label="Notice date"),
        DateColumn("effective_date", label="Takes effect"),
        DateColumn("objection_deadline", label="Objection deadline"),
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
    menu_label = "Privacy register"
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (SubprocessorViewSet, ChangeNoticeViewSet)


register_snippet(PrivacyRegisterGroup)


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
                        ' <a href="{}">Review the drafted notice</a>', _edit_url(change.notice)
                    )
                    if change.notice
                    else " (no notice drafted: add a change notice)",
                )
                for change in changes
            ),
        )
        return format_html(
            '<section class="panel w-panel help-block help-warning" '
            'aria-labelledby="unannounced-h" style="margin-bottom:2rem;padding:1rem 1.5rem">'
            '<h2 id="unannounced-h">Register changes without a published notice</h2>'
            "<p>Schools must be told before these changes take effect. Publish a change notice "
            "for each one.</p><ul>{}</ul></section>",
            rows,
        )


def _edit_url(notice):
    from django.urls import reverse

    return reverse(ChangeNotice.snippet_viewset.get_url_name("edit"), args=[notice.pk])


@hooks.register("construct_homepage_panels")
def add_unannounced_changes_panel(request, panels):
    panels.insert(0, UnannouncedChangesPanel())
