"""Site search (/search/): what a school finds, and what it must never find."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, PageViewRestriction
from wagtail.search.backends import get_search_backend

from home.highlight import highlight
from products.models import ProductPage
from products.tests.factories import add_product
from subprocessors.models import ChangeNotice, Subprocessor
from subprocessors.tests.factories import TODAY, make_entry, make_notice, recording_purges

from .factories import indexed_entries, search_results, standard_page

pytestmark = pytest.mark.django_db

# The search page's database queries, whatever the number of matches: which pages may be
# shown (view restrictions), the three ranked searches (pages, entries, notices), then only the
# results on the page: entries and their product uses, notices, one query per page type shown;
# and the organisation settings (header and footer).
TWILIO_QUERIES = (
    9  # locales, restrictions, 3 searches, the notice, the entry and its uses, settings
)


def titles(results, label=None):
    return [title for kind, title, _href, _snippet in results if label in (None, kind)]


def test_finds_a_register_entry_by_name_with_a_link_to_its_row(client, demo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    response, results = search_results(client, "twilio")
    assert response.status_code == 200
    entry = [r for r in results if r[0] == "Register entry"]
    assert [(title, href) for _kind, title, href, _s in entry] == [
        ("Twilio", f"/subprocessors/#sp-{twilio.uuid}")
    ]
    assert entry[0][3].startswith("<mark>Twilio</mark> Inc.: Sends SMS text messages.")
    # The row the link points at is on the register.
    assert f'id="sp-{twilio.uuid}"' in client.get("/subprocessors/").content.decode()
    # The change notice that announced it is found too, under its own label.
    assert titles(results, "Change notice") == [
        "Twilio to send SMS messages for Communications Hub"
    ]


def test_finds_register_entries_by_country_name(client, demo):
    """Countries are stored as codes ("US"); schools search for the name."""
    _response, results = search_results(client, "United States")
    found = set(titles(results, "Register entry"))
    assert {"Twilio", "Loom"} <= found
    assert "Amazon Web Services" not in found  # UK only
    us_entries = {
        e.name
        for e in Subprocessor.objects.originals().filter(live=True)
        if "US" in e.country_codes
    }
    assert found == us_entries
    twilio = next(r for r in results if r[1] == "Twilio")
    assert "<mark>United</mark> <mark>States</mark>" in twilio[3]
    _response, results = search_results(client, "Canada")
    assert "Thinkific" in titles(results, "Register entry")


def test_every_kind_of_content_is_found_under_its_label(client, demo):
    _response, results = search_results(client, "Pupil Progress")
    labels = {kind for kind, *_ in results}
    assert labels == {
        "Privacy summary",
        "Security statement",
        "Retention",
        "Register entry",
        "Change notice",
    }
    assert ("Privacy summary", "Pupil Progress", "/products/pupil-progress/") in [
        r[:3] for r in results
    ]
    _response, results = search_results(client, "accessibility statement")
    assert ("Page", "Accessibility statement", "/accessibility/") in [r[:3] for r in results]


def test_a_draft_entry_is_never_found_though_it_is_in_the_index(client, demo):
    draft = make_entry("Zanzibar Analytics", publish=False)
    # Wagtail indexes every saved row (editors search drafts in the admin) ...
    in_index = get_search_backend().search(
        "Zanzibar", Subprocessor.objects.filter(locale=Locale.get_default())
    )
    assert [entry.pk for entry in in_index] == [draft.pk]
    # ... the public search never shows one.
    response, results = search_results(client, "Zanzibar")
    assert results == [] and "0 results for “Zanzibar”" in response.content.decode()


def test_a_draft_change_to_a_live_entry_stays_out_of_search_until_published(client, demo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    twilio.name = "Quokka Messaging"
    twilio.description = "Sends wombat alerts."
    revision = twilio.save_revision()  # the editor's draft: the live row keeps "Twilio"
    for word in ("Quokka", "wombat"):
        assert search_results(client, word)[1] == [], word
    assert "Twilio" in titles(search_results(client, "Twilio")[1], "Register entry")

    twilio.publish(revision, known_history=True)
    assert titles(search_results(client, "Quokka")[1], "Register entry") == ["Quokka Messaging"]
    assert "Twilio" not in titles(search_results(client, "Twilio")[1], "Register entry")


def test_unpublished_draft_and_private_pages_and_notices_are_never_found(client, demo):
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    page.summary = "A draft about marsupials."
    page.save_revision()  # a draft of a live page
    secret = standard_page(title="Secret plans", slug="secret", body="<p>Numbat project.</p>")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    gone = standard_page(title="Old page", slug="old", body="<p>Bandicoot history.</p>")
    gone.unpublish()
    make_notice("Platypus to print letters", publish=False)
    for word in ("marsupials", "Numbat", "Bandicoot", "Platypus"):
        assert search_results(client, word)[1] == [], word


def test_an_unpublished_entry_or_notice_leaves_the_results(client, demo):
    Subprocessor.objects.originals().get(name="Twilio").unpublish()
    for notice in ChangeNotice.objects.originals().filter(live=True, title__icontains="Twilio"):
        notice.unpublish()
    assert search_results(client, "Twilio")[1] == []


def test_a_use_for_a_draft_product_is_not_searchable_until_the_product_is_published(client, demo):
    product = add_product("pupil-insight", "Pupil Insight")
    product.unpublish()
    make_entry("Echidna Mail", products=("pupil-insight",), description="Sends post.")
    assert titles(search_results(client, "Echidna")[1]) == ["Echidna Mail"]
    assert search_results(client, "Echidna pupil-insight")[1] == []  # its purpose names it
    product.save_revision().publish()
    assert titles(search_results(client, "Echidna pupil-insight")[1]) == ["Echidna Mail"]


def test_snippets_are_escaped_and_mark_only_what_was_searched(client, demo):
    make_entry("Escaper", description="Uses <script>alert(1)</script> & hosting tricks.")
    _response, results = search_results(client, "Escaper")
    snippet = next(s for _k, title, _h, s in results if title == "Escaper")
    assert "<script>" not in snippet
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; hosting" in snippet
    assert "<mark>" not in snippet.replace("<mark>Escaper</mark>", "")
    # Rich text's own entities are decoded before escaping: never "&amp;amp;".
    standard_page(title="Menu", slug="menu", body="<p>Fish &amp; chips &lt;daily&gt;</p>")
    snippet = search_results(client, "chips")[1][0][3]
    assert snippet == "Fish &amp; <mark>chips</mark> &lt;daily&gt;"


def test_highlight_marks_word_variants_around_the_first_match():
    text = "Intro. " * 60 + "Our hosted service and hosting; the host."
    html = highlight(text, "hosting")
    assert html.startswith("…") and "Intro." in html
    assert html.count("<mark>") == 3
    assert "<mark>hosted</mark>" in html and "<mark>host</mark>" in html
    assert highlight("a < bc", "bc") == "a &lt; <mark>bc</mark>"
    assert highlight("Nothing here", "zzz") == "Nothing here"


def test_no_results_helps_the_school_on(client, demo):
    response, results = search_results(client, "xylophone")
    body = response.content.decode()
    assert response.status_code == 200 and results == []
    assert "0 results for “xylophone”" in body
    for help_text in ("check the spelling", 'href="/search/?q=hosting"', 'href="/subprocessors/"'):
        assert help_text in body, help_text
    assert "DPO@junipereducation.org" in body.split("<main")[1]


def test_an_empty_search_shows_examples_that_all_find_something(client, demo):
    for query in ("", "   "):
        body = client.get("/search/", {"q": query}).content.decode()
        assert "What you can search for" in body and "results for" not in body
    examples = ["hosting", "encryption", "backups", "United States"]
    for example in examples:
        assert f'href="/search/?q={example.replace(" ", "%20")}"' in body, example
        assert search_results(client, example)[1], f"the example '{example}' finds nothing"


def test_results_come_ten_to_a_page_and_a_bad_page_never_fails(client, demo):
    indexed_entries(12, "quasar")
    first_response, first = search_results(client, "quasar")
    _response, second = search_results(client, "quasar", page="2")
    assert len(first) == 10 and len(second) == 2
    assert len({r[1] for r in first + second}) == 12  # each once
    body = first_response.content.decode()
    assert "12 results for “quasar”" in body and "Page 1 of 2" in body
    assert 'href="?q=quasar&amp;page=2" rel="next"' in body
    assert search_results(client, "quasar", page="junk")[1] == first  # not a number: page 1
    for page in ("3", "0", "-1", "99999999999999999999"):
        assert client.get("/search/", {"q": "quasar", "page": page}).status_code == 404, page


def test_junk_queries_get_an_answer_not_an_error(client, demo):
    for query in ("\x00", "a\x00b", "'", '"', "&|!:*()", "<>", "-", "%", "\\", "🙂"):
        assert client.get("/search/", {"q": query}).status_code == 200, repr(query)
    long = "hosting " * 40
    body = client.get("/search/", {"q": long}).content.decode()
    assert "we searched for its first 200 characters" in body
    assert client.get("/search/?q=a&q=hosting").status_code == 200


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(max_size=250))
def test_any_query_gets_a_page(client, demo, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def test_query_count_is_fixed_however_many_records_match(client, demo):
    client.get("/search/?q=Twilio")  # the site's one-off lookups (content types, site)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/search/?q=Twilio").status_code == 200
    assert len(ctx.captured_queries) == TWILIO_QUERIES

    counts = []
    for more, shown in ((3, 3), (12, 10)):
        indexed_entries(more, "nebula")
        with CaptureQueriesContext(connection) as ctx:
            assert len(search_results(client, "nebula")[1]) == shown
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_only_get_and_head(client, demo):
    assert client.head("/search/?q=hosting").status_code == 200
    response = client.post("/search/", {"q": "hosting"})
    assert response.status_code == 405 and "GET" in response["Allow"]


def test_publishing_purges_search_and_sitemap_from_the_cdn(
    demo, settings, django_capture_on_commit_callbacks
):
    with recording_purges(settings) as purged, django_capture_on_commit_callbacks(execute=True):
        make_entry("Purged Ltd", start_date=TODAY - datetime.timedelta(days=1))
    assert {"/search/", "/sitemap.xml"} <= {"/" + p.split("/", 1)[1] for p in purged}
