"""Each product page's public history (issue 15, item 3): the privacy summary, security statement
and retention page say when they were last updated and link to the list of their published
versions (date and the editor's public change note, never the editor's name), each viewable.

History is built the way an editor builds it: `save_revision(user=…)` then `publish(user=…)`,
Wagtail's own publishing path (the admin's Publish button and the DPO's approval end in it).
Wagtail dates a publication with the clock at that moment, and a test cannot wait weeks between
versions, so `publish` then moves that publication's log entry, and the page's
`last_published_at` (which Wagtail set from the same clock), to the date the test chose, as if it
had been published on that day.
"""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page, PageLogEntry, Revision

from products.models import ProductPage, SecurityStatementPage

from .factories import (
    SEED_DATES,
    admin_stage,
    count_queries,
    offset,
    retention_edit_data,
    retention_page,
    text,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
PP = "/products/pupil-progress/"
HISTORY = PP + "history/"
# When each version of Pupil Progress's privacy summary was published, and the day a school in
# the UK sees (23:30 UTC on 30 June is 00:30 on 1 July in London, in summer time).
WHEN = {
    1: (datetime.datetime(2026, 2, 2, 9, 0, tzinfo=UTC), "2 February 2026"),
    2: (datetime.datetime(2026, 3, 12, 10, 30, tzinfo=UTC), "12 March 2026"),
    3: (datetime.datetime(2026, 6, 30, 23, 30, tzinfo=UTC), "1 July 2026"),
    4: (datetime.datetime(2026, 9, 15, 8, 0, tzinfo=UTC), "15 September 2026"),
}
# Where the data is hosted, as each version says (version 1 is the demo's).
HOSTING = {1: "United Kingdom (Amazon Web Services)"}
HOSTING |= {n: f"Hosting as of version {n}: United Kingdom" for n in (2, 3, 4)}
NOTES = {2: "Moved hosting to the London region.", 4: "Clarified who handles rights requests."}
DRAFT_NOTE = "Draft note that the DPO has not approved"
DRAFT_HOSTING = "Draft hosting that was never published"


def london_iso(n):
    return timezone.localtime(WHEN[n][0]).date().isoformat()


def publish(page, when, user=None, **changes):
    """Publish `changes` to the live page through Wagtail, dated `when` (see the docstring)."""
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    entry = PageLogEntry.objects.get(revision=revision, action="wagtail.publish")
    PageLogEntry.objects.filter(pk=entry.pk).update(timestamp=when)
    Page.objects.filter(pk=page.pk).update(last_published_at=when)
    return revision


def date_first_version(page, when):
    """The demo published each page once, when the test database was built: date it `when`."""
    entries = PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
    assert entries.count() == 1
    entries.update(timestamp=when)
    Page.objects.filter(pk=page.pk).update(last_published_at=when)


def publish_security_statement(publisher):
    """Pupil Progress's security statement, published once more on 5 May 2026."""
    security = SecurityStatementPage.objects.get(url_path="/home/products/pupil-progress/security/")
    date_first_version(security, WHEN[1][0])
    intro = "<p>Our updated approach to security.</p>"
    when = datetime.datetime(2026, 5, 5, 12, tzinfo=UTC)
    publish(security, when, publisher, intro=intro, public_change_note="Rewrote the overview.")
    return security


def rows(response):
    """The history table's rows as (version, date, note) texts, top to bottom."""
    table = re.search(r"<tbody>(.*?)</tbody>", text(response))[1]
    cells = r"<t[hd][^>]*>(.*?)</t[hd]>"
    return [
        tuple(re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(cells, row))
        for row in re.findall(r"<tr>(.*?)</tr>", table)
    ]


@pytest.fixture
def publisher(django_user_model):
    """The DPO, who publishes (only the DPO may)."""
    user = django_user_model.objects.create_user(
        "quennell.dpo", "q@example.org", "pw", first_name="Perpetua", last_name="Quennell"
    )
    user.groups.add(Group.objects.get(name="Data Protection Officer"))
    return user


@pytest.fixture
def history(demo, publisher):
    """Pupil Progress's privacy summary published four times, then a draft saved."""
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    assert page.hosting_location == HOSTING[1]
    date_first_version(page, WHEN[1][0])  # the demo's note: "First published."
    publish(page, WHEN[2][0], publisher, hosting_location=HOSTING[2], public_change_note=NOTES[2])
    # the editor did not replace the note: it was version 2's, so version 3 has none of its own
    publish(page, WHEN[3][0], publisher, hosting_location=HOSTING[3])
    publish(page, WHEN[4][0], publisher, hosting_location=HOSTING[4], public_change_note=NOTES[4])
    page = ProductPage.objects.get(pk=page.pk)
    page.hosting_location = DRAFT_HOSTING
    page.public_change_note = DRAFT_NOTE
    draft = page.save_revision(user=publisher)
    return {"page": page, "draft": draft}


def test_the_list_shows_every_published_version_newest_first(client, history):
    response = client.get(HISTORY)
    assert response.status_code == 200
    assert rows(response) == [
        ("Version 4 Current", "15 September 2026", NOTES[4]),
        ("Version 3", "1 July 2026", "No change note"),
        ("Version 2", "12 March 2026", NOTES[2]),
        ("Version 1", "2 February 2026", "First published."),
    ]
    body = text(response)
    for n in WHEN:
        assert f'<a href="{HISTORY}{n}/">Version {n}</a>' in body
    assert '<time datetime="2026-07-01">1 July 2026</time>' in body  # London's date, not UTC's
    assert "<h1>Published versions</h1>" in body
    assert f'<a href="{PP}">Pupil Progress</a>' in body  # the current page
    assert (
        "<title>Published versions of Pupil Progress | Juniper Education Trust Hub</title>" in body
    )


def test_the_page_says_when_it_was_last_updated_and_links_to_its_versions(client, history):
    body = text(client.get(PP))
    assert (
        'Last updated <time datetime="2026-09-15">15 September 2026</time>. '
        f'<a href="{HISTORY}">See all versions</a>'
    ) in body
    assert HOSTING[4] in body
    assert 'name="robots"' not in body


def test_drafts_never_reach_the_page_or_its_history(client, history):
    pages = [client.get(PP), client.get(HISTORY)] + [client.get(f"{HISTORY}{n}/") for n in WHEN]
    for response in pages:
        assert response.status_code == 200
        body = text(response)
        assert DRAFT_NOTE not in body
        assert DRAFT_HOSTING not in body
    assert client.get(f"{HISTORY}5/").status_code == 404
    draft = history["draft"]
    assert draft.pk > len(WHEN)
    assert client.get(f"{HISTORY}{draft.pk}/").status_code == 404


def test_each_version_shows_its_own_content(client, history):
    for n, (_, day) in WHEN.items():
        response = client.get(f"{HISTORY}{n}/")
        assert response.status_code == 200
        body = text(response)
        assert HOSTING[n] in body
        assert [h for h in HOSTING.values() if h in body] == [HOSTING[n]]  # no other's
        assert (
            "You are viewing the version published on "
            f'<time datetime="{london_iso(n)}">{day}</time></strong> — '
            f'<a href="{PP}">see the current version</a>'
        ) in body
        assert '<meta name="robots" content="noindex">' in body
        assert f'<a href="{HISTORY}">See all published versions</a>' in body
        assert "See all versions</a>" not in body  # the current page's line is not repeated
    assert "What changed in this version: Moved hosting" in text(client.get(f"{HISTORY}2/"))
    assert "What changed in this version: No change note" in text(client.get(f"{HISTORY}3/"))


def test_a_past_version_does_not_pass_off_the_live_register_as_its_own(client, history):
    current = text(client.get(PP))
    past = text(client.get(f"{HISTORY}1/"))
    assert "Sub-processors are not part of this version of the page" in past
    assert "Sub-processors are not part of this version" not in current
    assert 'href="/subprocessors/?product=pupil-progress"' in past


def test_the_editors_name_never_appears(client, history, publisher, admin_user):
    client.force_login(admin_user)  # an editor's view has the userbar: not on a past version
    past = client.get(f"{HISTORY}2/").content.decode()
    assert "wagtail-userbar" in client.get(PP).content.decode()
    assert "wagtail-userbar" not in past
    client.logout()
    urls = [PP, HISTORY] + [f"{HISTORY}{n}/" for n in WHEN]
    for url in urls:
        body = client.get(url).content.decode()
        for name in ["Perpetua", "Quennell", "quennell.dpo", "q@example.org"]:
            assert name not in body, (url, name)
        assert history["page"].internal_note not in body


@pytest.mark.parametrize(
    "suffix", ["0/", "5/", "-1/", "abc/", "1/extra/", "99999999999999999999/", "%00/", "1.0/"]
)
def test_unknown_versions_are_404(client, history, suffix):
    assert client.get(HISTORY + suffix).status_code == 404


def test_a_scheduled_version_is_not_listed_until_it_goes_live(client, history, publisher):
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    page.go_live_at = timezone.now() + datetime.timedelta(days=7)
    page.hosting_location = "Scheduled hosting"
    page.public_change_note = "Scheduled note"
    page.save_revision(user=publisher).publish(user=publisher)
    body = text(client.get(HISTORY))
    assert "Scheduled note" not in body
    assert len(rows(client.get(HISTORY))) == 4
    assert client.get(f"{HISTORY}5/").status_code == 404
    assert "Scheduled hosting" not in text(client.get(PP))
    # a week later, the scheduler publishes it: from then on it is version 5
    a_week_later = timezone.now() + datetime.timedelta(days=8)
    with mock.patch("django.utils.timezone.now", return_value=a_week_later):
        call_command("publish_scheduled")
    assert rows(client.get(HISTORY))[0][::2] == ("Version 5 Current", "Scheduled note")
    assert "Scheduled hosting" in text(client.get(f"{HISTORY}5/"))


def test_head_works_and_other_methods_are_refused(client, history):
    for url in [HISTORY, f"{HISTORY}2/"]:
        head = client.head(url)
        assert head.status_code == 200 and head.content == b""
        assert "public" in head["Cache-Control"]
        post = client.post(url, {"public_change_note": "x"})
        assert post.status_code == 405
        assert set(post["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    assert len(rows(client.get(HISTORY))) == 4  # nothing changed


def test_a_version_whose_content_cannot_be_read_is_404_and_still_listed(client, history):
    entries = PageLogEntry.objects.filter(page_id=history["page"].pk, action="wagtail.publish")
    first, second, third = entries.order_by("timestamp")[:3]
    # an old revision saved before fields existed: shown as well as it can be
    content = dict(first.revision.content)
    for name in ["hosting", "data_subjects", "last_reviewed", "public_change_note"]:
        content.pop(name)
    Revision.objects.filter(pk=first.revision_id).update(content=content)
    # a revision whose values no longer fit the fields
    broken = {**second.revision.content, "last_reviewed": "not a date", "data_categories": 7}
    Revision.objects.filter(pk=second.revision_id).update(content=broken)
    # a revision no longer stored (the log keeps its id)
    Revision.objects.filter(pk=third.revision_id).delete()
    assert client.get(f"{HISTORY}1/").status_code == 200
    assert HOSTING[1] in text(client.get(f"{HISTORY}1/"))
    assert client.get(f"{HISTORY}2/").status_code == 404
    assert client.get(f"{HISTORY}3/").status_code == 404
    listed = rows(client.get(HISTORY))
    assert [row[1] for row in listed] == [day for _, day in reversed(WHEN.values())]
    assert (
        listed[1][2] == "No change note (this version is no longer stored, so it cannot be shown)"
    )
    assert f'href="{HISTORY}3/"' not in text(client.get(HISTORY))
    assert client.get(PP).status_code == 200


def test_query_counts_do_not_grow_with_versions(client, demo, publisher):
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    url = "/products/juniper-mis/history/"
    for warm in [url, url + "1/"]:  # per-process caches (content types, site root paths)
        client.get(warm)
    before = (count_queries(client, url), count_queries(client, url + "1/"))
    for day in range(1, 5):
        when = datetime.datetime(2027, 1, day, 12, tzinfo=UTC)
        publish(page, when, publisher, public_change_note=f"Change {day}")
    after = (count_queries(client, url), count_queries(client, url + "1/"))
    assert len(rows(client.get(url))) == 5
    assert after == before
    assert before == (LIST_QUERIES, VERSION_QUERIES)


LIST_QUERIES = (
    15  # the active locale, translations (2), page, ancestors, site, settings, versions (1)
)
VERSION_QUERIES = 21  # + the active locale, translations (2); the revision, its references, links


def test_security_statement_and_retention_page_have_histories_too(client, demo, publisher):
    security = publish_security_statement(publisher)
    body = text(client.get(PP + "security/"))
    assert 'Last updated <time datetime="2026-05-05">5 May 2026</time>' in body
    assert f'<a href="{PP}security/history/">See all versions</a>' in body
    assert rows(client.get(PP + "security/history/"))[0] == (
        "Version 2 Current",
        "5 May 2026",
        "Rewrote the overview.",
    )
    assert "Our updated approach" not in text(client.get(PP + "security/history/1/"))
    assert "Our updated approach" in text(client.get(PP + "security/history/2/"))
    # the company-wide statement is the same kind of page
    assert rows(client.get("/security/history/"))[0][2] == "First published."
    # a withdrawn page's history is withdrawn with it
    SecurityStatementPage.objects.get(pk=security.pk).unpublish()
    for suffix in ["", "history/", "history/1/"]:
        assert client.get(PP + "security/" + suffix).status_code == 404


def test_a_past_retention_version_works_out_dates_from_its_own_rules(client, demo, admin_user):
    """Published through the admin's edit form, as the DPO does."""
    page = retention_page("pupil-progress")
    client.force_login(admin_user)
    stages = [admin_stage(*offset("data-destroyed", 30))]
    data = retention_edit_data(
        page, stages, public_change_note="Data destroyed 30 days after the contract ends."
    )
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.context["form"].errors
    client.logout()
    base = PP + "retention/"
    assert rows(client.get(base + "history/"))[0][2] == (
        "Data destroyed 30 days after the contract ends."
    )
    now = text(client.get(base + "?ended=2027-02-22"))
    assert '<time datetime="2027-03-24">24 March 2027</time>' in now
    past = client.get(base + "history/1/?ended=2027-02-22")
    assert past.status_code == 200
    body = text(past)
    for iso, day in SEED_DATES:
        assert f'<time datetime="{iso}">{day}</time>' in body
    assert f'action="{base}history/1/#calculator"' in body
    assert "timeline.ics" not in body  # the downloads follow the current rules
    assert client.get(base + "history/1/?ended=2027-02-30").status_code == 400


def test_editors_can_still_preview_a_draft(history):
    response = history["draft"].as_object().make_preview_request()
    assert response.status_code == 200
    assert DRAFT_HOSTING in response.render().content.decode()


def test_an_editor_writes_the_note_in_the_admin(client, demo, admin_user):
    client.force_login(admin_user)
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="communications-hub")
    body = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "What changed in this version" in body
    assert "do not include anyone&#x27;s name" in body or "do not include anyone's name" in body


def test_publishing_purges_the_history_from_the_proxy(history):
    """The proxy drops the page, its list of versions and each version when it is published
    (or unpublished). Wagtail purges before it logs the publication, so the next version's URL
    is purged too: on publish, that is the version going live."""
    versions = ["/history/1/", "/history/2/", "/history/3/", "/history/4/", "/history/5/"]
    assert history["page"].get_cached_paths() == ["/", "/history/", *versions]
    retention = retention_page("pupil-progress")
    assert retention.get_cached_paths() == [
        "/",
        "/history/",
        "/history/1/",
        "/history/2/",
        "/timeline.json",
        "/timeline.ics",
    ]


def test_demo_pages_start_with_a_first_published_version(client, demo):
    for url in [PP, PP + "security/", PP + "retention/", "/products/juniper-mis/retention/"]:
        body = text(client.get(url))
        only = rows(client.get(url + "history/"))
        assert len(only) == 1
        assert only[0][0] == "Version 1 Current"
        assert only[0][2] == "First published."
        # "Last updated" (the page's last publication) and the version's date agree
        updated = re.search(r'Last updated <time datetime="[0-9-]+">([^<]+)</time>', body)[1]
        assert updated == only[0][1]
        assert f'<a href="{url}history/">See all versions</a>' in body


@pytest.mark.browser
def test_history_list_and_a_past_version_in_a_browser(live_demo, page, axe_check, publisher):
    publish_security_statement(publisher)
    page.goto(live_demo.url + PP + "security/")
    page.get_by_role("link", name="See all versions").click()
    expect(page).to_have_url(live_demo.url + PP + "security/history/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Published versions")
    expect(page.get_by_role("row")).to_have_count(3)
    axe_check(page)
    page.get_by_role("link", name="Version 1", exact=True).click()
    expect(page).to_have_url(live_demo.url + PP + "security/history/1/")
    expect(page.locator(".version-banner")).to_contain_text(
        "You are viewing the version published on"
    )
    expect(page.get_by_text("Our updated approach to security.")).to_have_count(0)
    axe_check(page)
    page.get_by_role("link", name="see the current version").click()
    expect(page.get_by_text("Our updated approach to security.")).to_be_visible()
