"""Every public GET endpoint is read-only: other methods get 405 with `Allow` (issue 14, item 5),
as a real client sees it (CSRF checks on); OPTIONS may answer 200 with `Allow`. Forms post to
URLs of their own and are not here."""

import pytest
from django.test import Client

from subprocessors.cache import REGISTER_PATHS, SECURITY_TXT_PATH
from subprocessors.models import ChangeNotice

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/security/",
    "/products/",
    "/products/pupil-progress/",
    "/products/pupil-progress/security/",
    "/products/pupil-progress/retention/",
    "/products/pupil-progress/retention/timeline.json?ended=2027-02-22",
    "/products/pupil-progress/retention/timeline.ics?ended=2027-02-22",
    "/products/pupil-progress/history/",
    "/products/pupil-progress/history/1/",
    "/products/communications-hub/pack.pdf",
    *REGISTER_PATHS,  # the register, its exports, the change log and its feeds
    "/subprocessors/?product=pupil-progress",
    "/subprocessors/compare/",
    SECURITY_TXT_PATH,
    "/health/",
    "/search/?q=hosting",
    "/sitemap.xml",
    "/robots.txt",
    "/favicon.ico",
    "/accessibility/",
]
METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def allowed(response):
    return {m.strip() for m in response.get("Allow", "").split(",") if m.strip()}


def public_paths():
    return [*PATHS, ChangeNotice.objects.originals().filter(live=True).first().get_absolute_url()]


def test_every_public_endpoint_answers_get_and_head(demo):
    client = Client(enforce_csrf_checks=True)
    for path in public_paths():
        assert client.get(path).status_code == 200, path
        assert client.head(path).status_code == 200, path


@pytest.mark.parametrize("method", METHODS)
def test_only_get_and_head_on_every_public_endpoint(demo, method):
    client = Client(enforce_csrf_checks=True)
    for path in public_paths():
        response = client.generic(method, path)
        # OPTIONS may answer 200 with `Allow` (Wagtail's pages do); everything else is 405.
        expected = (200, 405) if method == "OPTIONS" else (405,)
        assert response.status_code in expected, (method, path, response.status_code)
        assert allowed(response) >= {"GET", "HEAD"}, (method, path, response.get("Allow"))
        assert allowed(response) <= {"GET", "HEAD", "OPTIONS"}, (method, path)
