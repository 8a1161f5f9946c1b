"""Behaviour shared by page types of several apps."""

from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class ReadOnlyPageMixin:
    """A public page is only ever read: Wagtail answers 405 with `Allow` to any method but GET,
    HEAD and OPTIONS (which answers with `Allow`). Forms post to URLs of their own (alert
    sign-ups, objections)."""

    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]


class BreadcrumbsMixin:
    """Gives a page's template its live ancestors (home first) as `breadcrumbs`."""

    def get_breadcrumbs(self):
        return list(self.get_ancestors().live().public().filter(depth__gt=1))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context


class RequiredSlugMixin:
    """For page types whose slug is part of the public URL contract: `required_slug` is the only
    slug the page may have, and `required_slug_url` says where that puts the page."""

    required_slug = ""
    required_slug_url = ""

    def clean(self):
        super().clean()
        if self.required_slug and self.slug != self.required_slug:
            raise ValidationError(
                {
                    "slug": _("Use the slug '%(slug)s' so the page lives at %(url)s.")
                    % {"slug": self.required_slug, "url": self.required_slug_url}
                }
            )
