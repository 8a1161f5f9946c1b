"""Helpers for tests that need home-app pages."""

from home.models import HomePage, StandardPage


def standard_page(
    title="Accessibility statement", slug="accessibility", body="<p>WCAG 2.2 AA.</p>"
):
    """A live plain page under the home page."""
    return HomePage.objects.get().add_child(
        instance=StandardPage(title=title, slug=slug, body=body)
    )
