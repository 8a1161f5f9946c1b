"""Security headers (issue 14, item 3): every public response carries a Content-Security-Policy
that allows nothing inline and nothing from elsewhere, and a Permissions-Policy; the admin gets
a policy of its own; no public page has anything inline the policy would block."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import path

from products.models import ProductPage
from subprocessors.alert_links import confirmation_key
from subprocessors.cache import REGISTER_PATHS, SECURITY_TXT_PATH
from subprocessors.models import ChangeNotice, Subscriber
from trusthub import urls as site_urls

pytestmark = pytest.mark.django_db

PUBLIC_DIRECTIVES = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]
PAGES = [
    "/",
    "/products/",
    "/security/",
    "/products/pupil-progress/",
    "/products/juniper-mis/security/",
    "/products/pupil-progress/retention/",
    "/products/pupil-progress/retention/?ended=2027-02-22",
    "/products/pupil-progress/retention/?ended=30/02/2027",  # 400, with the error message
    "/subprocessors/",
    "/subprocessors/?product=juniper-mis",
    "/subprocessors/changes/",
    "/subprocessors/changes/?page=2",
    "/subprocessors/alerts/subscribe/",
    "/subprocessors/alerts/confirm/forged-link/",  # 404, "This link is not valid"
    "/products/no-such-product/",  # the 404 page
    "/products/pupil-progress/history/",
    "/search/?q=pupil",
    "/subprocessors/compare/",
]
FILES = [
    *[p for p in REGISTER_PATHS if not p.endswith("/")],  # exports and feeds
    "/subprocessors/register.json?product=nothing",  # 400
    "/products/pupil-progress/retention/timeline.json?ended=2027-02-22",
    "/products/pupil-progress/retention/timeline.ics?ended=2027-02-22",
    SECURITY_TXT_PATH,
    "/health/",
    "/robots.txt",
    "/sitemap.xml",
    "/favicon.ico",
]


def _fail(request):
    raise RuntimeError("A deliberate error, to show the 500 page")


# The site's URLs plus one that fails (test_the_500_page_has_the_policy_and_nothing_inline).
urlpatterns = [path("headers-test/server-error/", _fail), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


def directives(response, header="Content-Security-Policy"):
    assert response.has_header(header), response.request["PATH_INFO"]
    policy = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        policy[name] = set(sources)
    return policy


def assert_public_headers(response, where):
    assert directives(response) == PUBLIC_DIRECTIVES, where
    features = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
    for feature in DENIED_FEATURES:
        assert features.get(feature) == "()", (where, feature)


class InlineFinder(HTMLParser):
    """What a browser under the public policy would refuse: inline scripts (data blocks such as
    application/json are not run, so they are fine), <style> elements, style="" and on...=""
    attributes, and javascript: links."""

    DATA_BLOCKS = {"application/json", "application/ld+json"}

    def __init__(self):
        super().__init__()
        self.found, self._script = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        script_type = (attrs.get("type") or "").lower()
        if tag == "script" and not attrs.get("src") and script_type not in self.DATA_BLOCKS:
            self._script = self.getpos()
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.found.append(f'<{tag} {name}="{value}">')
            if name in ("href", "action", "src") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_data(self, data):
        if self._script and data.strip():
            self.found.append(f"inline <script> at line {self._script[0]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def inline_content(response):
    finder = InlineFinder()
    finder.feed(response.content.decode())
    return finder.found


def test_every_public_page_has_the_strict_policy_and_nothing_inline(client, demo):
    notice = ChangeNotice.objects.originals().filter(live=True).first()
    subscriber = Subscriber.objects.create(email="office@hillside.example", all_products=True)
    pages = [
        *PAGES,
        notice.get_absolute_url(),
        f"/subprocessors/alerts/confirm/{confirmation_key(subscriber)}/",
        f"/subprocessors/alerts/manage/{subscriber.token}/",
        f"/subprocessors/alerts/unsubscribe/{subscriber.token}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        assert response["Content-Type"].startswith("text/html"), url
        assert_public_headers(response, url)
        assert inline_content(response) == [], url
        assert_public_headers(client.head(url), f"HEAD {url}")


def test_feeds_exports_and_files_carry_the_same_headers(client, demo):
    for url in FILES:
        response = client.get(url)
        assert response.status_code in (200, 400), url
        assert_public_headers(response, url)


def test_a_cached_page_keeps_the_headers(client, demo):
    # (A 304 carries validators and caching headers only, like WhiteNoise's: the copy it
    # revalidates keeps the policy it came with. trusthub.middleware.NotModifiedMiddleware.)
    client.get("/subprocessors/")
    cached = client.get("/subprocessors/")  # from Django's cache (representations.cached)
    assert_public_headers(cached, "cached register")


@pytest.mark.urls(__name__)
def test_the_500_page_has_the_policy_and_nothing_inline(demo):
    response = Client(raise_request_exception=False).get("/headers-test/server-error/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert_public_headers(response, "500")
    assert inline_content(response) == []
    assert '<link rel="stylesheet" href="/static/css/site.css">' in response.content.decode()


def test_the_admin_has_its_own_policy(client, admin_user):
    login = directives(client.get("/admin/login/"))
    client.force_login(admin_user)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    for policy in (login, directives(dashboard)):
        # Wagtail's admin writes inline scripts and styles, and frames its own previews...
        assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
        assert policy["style-src"] == {"'self'", "'unsafe-inline'"}
        assert policy["frame-ancestors"] == {"'self'"}
        # ...but runs no eval, loads scripts from nowhere else and embeds no plugins.
        assert "'unsafe-eval'" not in str(policy)
        assert policy["object-src"] == {"'none'"}
        assert policy["form-action"] == {"'self'"}
    assert dashboard.has_header("Permissions-Policy")


def test_a_preview_may_be_framed_by_the_editor(demo):
    """Wagtail renders a preview through the middleware as a made-up request for the page's
    public URL; the editor shows it in a frame, which the public policy would refuse."""
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    response = product.make_preview_request()
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == {"'self'"}


def test_an_editors_page_with_the_userbar_keeps_the_strict_policy(client, admin_user):
    """Signed-in editors see Wagtail's userbar on public pages: its styles and scripts are
    files of this site, so their pages need nothing more than anyone else's."""
    client.force_login(admin_user)
    response = client.get("/products/pupil-progress/")
    body = response.content.decode()
    assert "//testserver/static/wagtailadmin/js/userbar.js" in body
    assert "private" in response["Cache-Control"]
    assert_public_headers(response, "editor")
