from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_date_pickers_keep_typed_dates():
    """On every admin page, after Wagtail's date-picker library and before any picker is created:
    pickers never replace a typed date with today's (trusthub/core/admin_dates.py)."""
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))
