"""/.well-known/security.txt (RFC 9116): Expires is the date editors set in the organisation
settings, and the dashboard warns from 30 days before it passes; Canonical is the site's
configured address; HEAD works, other methods do not."""

import datetime
import re

import pytest

from trusthub.core.models import OrganisationSettings

pytestmark = pytest.mark.django_db

URL = "/.well-known/security.txt"


def set_expiry(days_from_today):
    org = OrganisationSettings.load()
    org.security_txt_expires = datetime.date.today() + datetime.timedelta(days=days_from_today)
    org.save()
    return org.security_txt_expires


def field(body, name):
    return re.search(rf"^{name}: (\S+)$", body, re.M).group(1)


def test_expires_is_the_date_editors_set(client, demo):
    expires = set_expiry(200)
    body = client.get(URL).content.decode()
    assert field(body, "Expires") == f"{expires.isoformat()}T23:59:59Z"
    assert field(body, "Contact") == "mailto:DPO@junipereducation.org"


def test_canonical_is_the_configured_site_address(client, demo, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://trust.example.org"
    body = client.get(URL, HTTP_HOST="testserver").content.decode()
    assert field(body, "Canonical") == "https://trust.example.org/.well-known/security.txt"


def test_head_works_and_other_methods_are_refused(client, demo):
    head = client.head(URL)
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Type"].startswith("text/plain")
    for method in ("post", "put", "delete"):
        response = getattr(client, method)(URL)
        assert response.status_code == 405
        assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


@pytest.fixture
def dashboard(client, admin_user):
    client.force_login(admin_user)
    return lambda: re.sub(r"\s+", " ", client.get("/admin/").content.decode())


def test_the_dashboard_warns_from_thirty_days_before_expiry(demo, dashboard):
    set_expiry(31)
    assert "security.txt expires" not in dashboard()
    expires = set_expiry(30)
    page = dashboard()
    assert f"security.txt expires on {expires.day} {expires:%B %Y} (in 30 days)" in page
    assert "/admin/settings/core/organisationsettings/" in page
    set_expiry(0)
    assert "security.txt expires today" in dashboard()


def test_the_dashboard_says_when_it_has_expired(demo, dashboard):
    expired = set_expiry(-3)
    assert f"security.txt expired on {expired.day} {expired:%B %Y}" in dashboard()
