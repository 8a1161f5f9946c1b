"""File-like URLs beside the product pages (Wagtail serves the pages themselves)."""

from django.urls import path, register_converter

from . import exports


class PageSlugConverter:
    """A page slug as Wagtail routes it: letters (Unicode ones included, since Wagtail allows
    Unicode slugs), digits, underscores and hyphens."""

    regex = r"[\w-]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PageSlugConverter, "page_slug")

app_name = "products"

urlpatterns = [
    path(
        "products/<page_slug:product>/retention/timeline.json",
        exports.timeline_json,
        name="timeline_json",
    ),
    path(
        "products/<page_slug:product>/retention/timeline.ics",
        exports.timeline_ics,
        name="timeline_ics",
    ),
]
