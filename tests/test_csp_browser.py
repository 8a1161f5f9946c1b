"""Headless Chromium with the Content-Security-Policy enforced (issue 14, item 3).

Every public page type loads with no policy violation at all: nothing inline, nothing from
another origin. Then an editor signs in (a session made on the server) and uses the admin under
its own policy: the userbar on a public page, the dashboard, the page explorer, the page editor
with its live preview and "Save draft", and a register entry's form with its inline panel. The
other browser tests bypass the policy (conftest.py: axe-core is injected as an inline script);
this one does not.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import path
from django.utils import timezone
from playwright.sync_api import expect

from home.tests.factories import standard_page
from products.models import ProductPage
from subprocessors.alert_links import confirmation_key
from subprocessors.models import ChangeNotice, Objection, Subprocessor, Subscriber
from trusthub import urls as site_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]

# Every violation, in every document and frame, reported to the test as it happens.
REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.reportViolation([event.effectiveDirective, event.blockedURI,
                          `${event.sourceFile}:${event.lineNumber}`, location.pathname].join(' '));
});
"""


def _fail(request):
    raise RuntimeError("A deliberate error, to show the 500 page")


# This module is the URLconf while the test runs: the site's URLs plus one that fails, so that
# the browser sees the real 500 page with its real headers.
urlpatterns = [path("csp-test/server-error/", _fail), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


@pytest.fixture
def enforcing(browser, live_demo, settings):
    """A browser page that enforces the policy and keeps a list of its violations, and of
    Chromium's console errors about the policy or Permissions-Policy."""
    settings.ROOT_URLCONF = __name__
    context = browser.new_context(bypass_csp=False, locale="en-GB")
    violations = []
    context.expose_function("reportViolation", lambda violation: violations.append(violation))
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()

    def console(message):
        if message.type == "error" and re.search(
            "Content.Security.Policy|Permissions", message.text
        ):
            violations.append(f"console: {message.text}")

    page.on("console", console)
    page.violations = violations
    yield page
    context.close()


def sign_in(page, live_demo, django_user_model):
    user = django_user_model.objects.create_superuser("csp-editor", "csp@example.org", "pw")
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_demo.url}]
    )


def test_public_pages_and_the_admin_work_under_the_policy(live_demo, enforcing, django_user_model):
    page = enforcing
    standard_page()  # /accessibility/
    intercom = ChangeNotice.objects.originals().get(title__startswith="Intercom")  # objections open
    subscriber = Subscriber.objects.create(email="office@hillside.example", all_products=True)
    objection = Objection.objects.create(
        notice=intercom, school_name="Hillside", contact_email="o@h.example", reason="We object."
    )
    active = Subscriber.objects.create(
        email="head@hillside.example", all_products=True, confirmed_at=timezone.now()
    )
    public = {
        "/": 200,
        "/products/": 200,
        "/products/pupil-progress/": 200,
        "/security/": 200,
        "/products/juniper-mis/security/": 200,
        "/products/pupil-progress/retention/?ended=2027-02-22": 200,
        "/products/pupil-progress/retention/?ended=30/02/2027": 400,  # the error message
        "/accessibility/": 200,
        "/subprocessors/?product=juniper-mis": 200,
        "/subprocessors/changes/": 200,
        f"/subprocessors/changes/{intercom.pk}/": 200,
        f"/subprocessors/changes/{intercom.pk}/object/received/{objection.reference}/": 200,
        "/subprocessors/alerts/subscribe/?product=juniper-mis": 200,
        f"/subprocessors/alerts/confirm/{confirmation_key(subscriber)}/": 200,
        "/subprocessors/alerts/confirm/forged-link/": 404,
        f"/subprocessors/alerts/manage/{active.token}/": 200,
        f"/subprocessors/alerts/unsubscribe/{active.token}/": 200,
        "/products/pupil-progress/history/": 200,
        "/search/?q=pupil": 200,
        "/subprocessors/compare/": 200,
        "/products/no-such-product/": 404,
        "/csp-test/server-error/": 500,
    }
    for url, status in public.items():
        response = page.goto(live_demo.url + url)
        assert response.status == status, url
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], url
        # The page's own stylesheet applied (a blocked one would leave the browser's serif).
        font = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert font.startswith("system-ui"), (url, font)
    assert page.violations == []

    # A form still posts under form-action 'self'.
    page.goto(live_demo.url + "/subprocessors/alerts/subscribe/")
    page.get_by_label("Email address").fill("bursar@oakfield.example")
    page.get_by_label("Juniper MIS").check()
    page.get_by_role("button", name="Subscribe to email alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert page.violations == []

    # An editor: the userbar on a public page (its own styles and scripts).
    sign_in(page, live_demo, django_user_model)
    page.goto(live_demo.url + "/products/communications-hub/")  # not in the browser's cache
    page.locator("#wagtail-userbar-trigger").click()
    expect(page.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert page.violations == []

    # The admin, under its own policy.
    response = page.goto(live_demo.url + "/admin/")
    assert "'unsafe-eval'" not in response.headers["content-security-policy"]
    expect(page).to_have_title(re.compile("^Dashboard"))
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    page.goto(f"{live_demo.url}/admin/pages/{product.get_parent().pk}/")
    expect(page.get_by_role("link", name="Juniper MIS", exact=True)).to_be_visible()

    page.goto(f"{live_demo.url}/admin/pages/{product.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail loads the preview in a second frame, which replaces the first once loaded.
    expect(page.locator("iframe.w-preview__proxy")).to_have_count(1)
    expect(page.locator("iframe.w-preview__proxy")).to_have_count(0, timeout=20_000)
    preview = page.locator("iframe[title='Preview']").content_frame
    expect(preview.get_by_role("heading", level=1)).to_contain_text("Pupil Progress")
    page.get_by_role("textbox", name=re.compile(r"^Title")).fill("Pupil Progress (draft)")
    button = page.get_by_role("button", name="Save draft")
    button.focus()
    with page.expect_navigation():
        button.press("Enter")
    expect(page.get_by_text("Page 'Pupil Progress (draft)' has been updated.")).to_be_visible()
    assert ProductPage.objects.get(pk=product.pk).title == "Pupil Progress"  # a draft only

    entry = Subprocessor.objects.originals().order_by("name").first()
    page.goto(f"{live_demo.url}/admin/snippets/subprocessors/subprocessor/edit/{entry.pk}/")
    rows = page.locator("#id_uses-FORMS > [data-inline-panel-child]")
    before = rows.count()
    page.get_by_role("button", name="Add Product").click()  # Wagtail's inline script at work
    expect(rows).to_have_count(before + 1)
    assert page.violations == []
