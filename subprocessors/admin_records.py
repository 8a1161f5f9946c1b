"""The DPO's admin for the operational records of the change-notice promise: subscribers,
alert deliveries and objections (wagtail-modeladmin: listing, filters, search, CSV export).

Who sees them: only users with the model's `view` permission, which migration 0011 grants to
the "Data Protection Officer" group (and superusers have). Editors have no permission on these
models, so they get no menu item and a 403 on the URLs. The records are evidence (a consent
record, an alert sent, a school's objection in its own words), so nobody edits, adds or deletes
them here: every view is read-only (listing, inspect, export).
"""

from django.contrib.admin import SimpleListFilter
from django.utils import timezone
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import IndexView

from .models import Delivery, Objection, Subscriber

# A spreadsheet program runs a cell that starts with one of these as a formula. Values typed
# by the public (school names, reasons) go into these exports, so they are neutralised.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ViewOnlyPermissionHelper(PermissionHelper):
    """Listing, inspecting and exporting need the `view` permission; nothing can be added,
    changed or deleted through these views."""

    def user_can_list(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("view"))

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_list(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SafeExportIndexView(IndexView):
    """The listing, whose CSV export cannot smuggle a formula into the DPO's spreadsheet."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return neutralise_formula(value)
        return value


def neutralise_formula(value):
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class RecordAdmin(ModelAdmin):
    permission_helper_class = ViewOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    history_view_enabled = False
    add_to_settings_menu = False
    list_per_page = 50


class SubscriptionStatusFilter(SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("pending", "Waiting for confirmation"),
            ("active", "Subscribed"),
            ("unsubscribed", "Unsubscribed"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)
        if self.value() == "active":
            return queryset.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        if self.value() == "unsubscribed":
            return queryset.filter(unsubscribed_at__isnull=False)
        return queryset


class SubscriberAdmin(RecordAdmin):
    model = Subscriber
    menu_label = "Subscribers"
    menu_icon = "user"
    list_display = ("email", "school_name", "role", "products_display", "status", "confirmed")
    list_filter = (SubscriptionStatusFilter, "all_products", "products", "consent_given_at")
    search_fields = ("email", "school_name", "role")
    list_export = (
        "email",
        "school_name",
        "role",
        "products_display",
        "status",
        "consent_given",
        "consent_source",
        "consent_wording",
        "confirmed",
        "unsubscribed",
    )
    export_headings = {
        "products_display": "Products",
        "consent_given": "Consent given",
        "confirmed": "Confirmed",
        "unsubscribed": "Unsubscribed",
    }
    export_filename = "alert-subscribers"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("products")

    def products_display(self, obj):
        if obj.all_products:
            return "All products"
        return ", ".join(p.title for p in obj.products.all())

    products_display.short_description = "Products"

    def status(self, obj):
        if obj.unsubscribed_at:
            return "Unsubscribed"
        return "Subscribed" if obj.confirmed_at else "Waiting for confirmation"

    def consent_given(self, obj):
        return _when(obj.consent_given_at)

    def confirmed(self, obj):
        return _when(obj.confirmed_at)

    def unsubscribed(self, obj):
        return _when(obj.unsubscribed_at)


class DeliveryAdmin(RecordAdmin):
    model = Delivery
    menu_label = "Alert deliveries"
    menu_icon = "mail"
    list_display = ("notice", "subscriber", "status", "attempts", "error", "sent")
    list_filter = ("status", "notice", "created_at")
    list_select_related = ("notice", "subscriber")
    search_fields = ("subscriber__email", "notice__title", "last_error")
    list_export = ("notice", "subscriber", "status", "attempts", "last_error", "created", "sent")
    export_headings = {"created": "Created", "sent": "Sent"}
    export_filename = "alert-deliveries"

    def error(self, obj):
        return obj.last_error[:120]

    error.short_description = "Last error"

    def created(self, obj):
        return _when(obj.created_at)

    def sent(self, obj):
        return _when(obj.sent_at)


class ObjectionAdmin(RecordAdmin):
    model = Objection
    menu_label = "Objections"
    menu_icon = "warning"
    list_display = (
        "reference",
        "notice",
        "school_name",
        "contact_email",
        "products_display",
        "received",
        "acknowledged",
        "dpo_notified",
    )
    list_filter = ("notice", "received_at")
    list_select_related = ("notice",)
    search_fields = ("reference", "school_name", "contact_email", "reason", "notice__title")
    list_export = (
        "reference",
        "notice",
        "school_name",
        "contact_email",
        "products_display",
        "reason",
        "received",
        "acknowledged",
        "dpo_notified",
    )
    export_headings = {
        "products_display": "Products",
        "received": "Received",
        "acknowledged": "Acknowledged",
        "dpo_notified": "DPO notified",
    }
    export_filename = "objections"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("products")

    def products_display(self, obj):
        return ", ".join(p.title for p in obj.products.all())

    products_display.short_description = "Products"

    def received(self, obj):
        return _when(obj.received_at)

    def acknowledged(self, obj):
        return _when(obj.acknowledged_at) or "Not yet"

    acknowledged.short_description = "School acknowledged"

    def dpo_notified(self, obj):
        return _when(obj.dpo_notified_at) or "Not yet"

    dpo_notified.short_description = "DPO notified"


class AlertsAndObjectionsGroup(ModelAdminGroup):
    menu_label = "Alerts and objections"
    menu_icon = "mail"
    menu_order = 210
    items = (ObjectionAdmin, SubscriberAdmin, DeliveryAdmin)
