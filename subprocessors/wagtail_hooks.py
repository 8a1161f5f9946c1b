from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Subprocessor


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


class PrivacyRegisterGroup(SnippetViewSetGroup):
    menu_label = "Privacy register"
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (SubprocessorViewSet,)


register_snippet(PrivacyRegisterGroup)
