from django.template.defaultfilters import pluralize
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import SECURITY_TXT_WARN_DAYS, OrganisationSettings
from .signin import urls as signin_urls


@hooks.register("insert_global_admin_js")
def admin_date_pickers_keep_typed_dates():
    """On every admin page, after Wagtail's date-picker library and before any picker is created:
    pickers never replace a typed date with today's (trusthub/core/admin_dates.py)."""
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))


class SecurityTxtExpiryPanel(Component):
    """Dashboard warning from 30 days before security.txt's Expires date, and after it."""

    name = "security_txt_expiry"
    order = 60

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        org = OrganisationSettings.load(request_or_site=self.request)
        days = org.security_txt_days_left()
        if days > SECURITY_TXT_WARN_DAYS:
            return ""
        expires = date_format(org.security_txt_expires, "j F Y")
        if days < 0:
            status = format_html("expired on {}", expires)
        elif days == 0:
            status = format_html("expires today ({})", expires)
        else:
            status = format_html("expires on {} (in {} day{})", expires, days, pluralize(days))
        return format_html(
            '<section class="panel w-panel help-block help-warning" '
            'aria-labelledby="security-txt-h" style="margin-bottom:2rem;padding:1rem 1.5rem">'
            '<h2 id="security-txt-h">security.txt {}</h2>'
            "<p>Security researchers use /.well-known/security.txt to reach us; after its "
            "Expires date they may treat the contact as out of date. Check the security "
            'contact and set a new date in <a href="{}">Organisation settings</a>.</p>'
            "</section>",
            status,
            reverse("wagtailsettings:edit", args=["core", "organisationsettings"]),
        )


@hooks.register("construct_homepage_panels")
def add_security_txt_expiry_panel(request, panels):
    panels.insert(0, SecurityTxtExpiryPanel(request))


# --- Two-step verification (trusthub/core/signin/) ------------------------------------------


@hooks.register("register_admin_urls")
def two_step_verification_urls():
    return signin_urls.urlpatterns


@hooks.register("register_account_menu_item")
def two_step_verification_account_item(request):
    return {
        "url": reverse("mfa_manage"),
        "label": "Two-step verification",
        "help_text": "Ask for a code from an app on your phone as well as your password; "
        "recovery codes.",
    }


@hooks.register("construct_main_menu")
def no_menu_until_two_step_verification(request, menu_items):
    """While a session still has to enter a code or set up two-step verification, the menu
    offers nothing: every other admin page would send it back here."""
    if getattr(request, "two_step_pending", None):
        menu_items.clear()
