"""Headless Chromium: the Welsh site (/cy/). axe-core WCAG 2.2 AA on every kind of Welsh page,
the language switcher there and back by keyboard, and the Welsh register's filter form."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]

# (address, its <h1>) on the Welsh site.
WELSH_PAGES = [
    ("/cy/", "Preifatrwydd ac ymddiriedaeth yn Juniper Education"),
    ("/cy/products/pupil-progress/", "Pupil Progress"),
    (
        "/cy/products/pupil-progress/security/",
        "Sut rydym yn cadw data Pupil Progress yn ddiogel",
    ),
    (
        "/cy/products/pupil-progress/retention/?ended=2027-02-22",
        "Pryd bydd ein data Pupil Progress yn cael ei ddileu?",
    ),
    ("/cy/subprocessors/", "Is-broseswyr a derbynwyr eraill"),
    ("/cy/subprocessors/changes/", "Newidiadau i is-broseswyr"),
    ("/cy/accessibility/", "Datganiad hygyrchedd"),
    ("/cy/subprocessors/alerts/subscribe/", "Rhybuddion e-bost am newidiadau i is-broseswyr"),
]

INTERCOM_NOTICE = "Intercom i gadw sgyrsiau cymorth Pupil Progress yn y DU"


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def test_welsh_pages_are_welsh_and_pass_axe(live_demo, page, axe_check):
    for url, heading in WELSH_PAGES:
        response = page.goto(live_demo.url + url)
        assert response.status == 200, url
        assert html_lang(page) == "cy", url
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        # The interface around the content is Welsh too.
        expect(page.locator("a.skip-link")).to_have_text("Neidio i'r prif gynnwys")
        if "retention" in url:
            # The timeline's dates have Welsh month names.
            expect(page.locator("ol.timeline time")).to_have_text(
                ["22 Chwefror 2027", "23 Mai 2027", "31 Awst 2027", "29 Tachwedd 2027"]
            )
        axe_check(page)

    # A change notice, reached from the Welsh change log: Welsh words, Welsh interface.
    page.goto(live_demo.url + "/cy/subprocessors/changes/")
    page.get_by_role("link", name=INTERCOM_NOTICE).click()
    assert "/cy/subprocessors/changes/" in page.url and html_lang(page) == "cy"
    expect(page.get_by_role("heading", level=1)).to_have_text(INTERCOM_NOTICE)
    expect(page.get_by_role("heading", name="Sut i wrthwynebu")).to_be_visible()
    axe_check(page)


def test_search_pages_in_both_languages_pass_axe(live_demo, page, axe_check):
    page.goto(live_demo.url + "/cy/search/?q=Twilio")
    assert html_lang(page) == "cy"
    expect(page.locator("#results-h")).to_have_text("2 canlyniad ar gyfer “Twilio”")
    titles = page.locator(".search-result__title")
    expect(titles).to_have_count(2)
    assert sorted(titles.all_text_contents()) == [
        "Twilio",
        "Twilio i anfon negeseuon SMS ar gyfer Communications Hub",
    ]
    for link in page.locator(".search-result__title a").all():
        assert link.get_attribute("href").startswith("/cy/"), link.get_attribute("href")
    axe_check(page)

    page.goto(live_demo.url + "/cy/search/?q=zzzz")
    expect(page.locator("#results-h")).to_have_text("0 canlyniad ar gyfer “zzzz”")
    expect(page.locator(".search-help")).to_contain_text("wirio'r sillafu")
    axe_check(page)

    page.goto(live_demo.url + "/search/?q=Twilio")
    assert html_lang(page) == "en-GB"
    expect(page.locator("#results-h")).to_have_text("2 results for “Twilio”")
    axe_check(page)


def tab_to(page, name, limit=20):
    """Press Tab until the link called `name` has the focus; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    pytest.fail(f"{name!r} is not reachable with the keyboard on {page.url}")


def test_language_switcher_goes_to_the_same_page_and_back_by_keyboard(live_demo, page):
    page.goto(live_demo.url + "/products/pupil-progress/")
    assert html_lang(page) == "en-GB"
    switcher = page.get_by_role("list", name="Language")
    cymraeg = switcher.get_by_role("link", name="Cymraeg")
    expect(cymraeg).to_have_attribute("lang", "cy")
    expect(cymraeg).to_have_attribute("hreflang", "cy")
    tab_to(page, "Cymraeg")
    page.keyboard.press("Enter")

    expect(page).to_have_url(live_demo.url + "/cy/products/pupil-progress/")
    assert html_lang(page) == "cy"
    expect(page.get_by_role("heading", level=1)).to_have_text("Pupil Progress")
    expect(page.get_by_role("heading", name="O ble mae'r data'n dod")).to_be_visible()
    english = page.get_by_role("list", name="Iaith").get_by_role("link", name="English")
    expect(english).to_have_attribute("lang", "en-GB")
    expect(english).to_have_attribute("hreflang", "en-GB")
    tab_to(page, "English")
    page.keyboard.press("Enter")

    expect(page).to_have_url(live_demo.url + "/products/pupil-progress/")
    assert html_lang(page) == "en-GB"
    expect(page.get_by_role("heading", name="Where the data comes from")).to_be_visible()


def test_welsh_register_filter_form(live_demo, page, axe_check):
    # A plain GET form (the site has no public JavaScript): it stays on the Welsh register.
    page.goto(live_demo.url + "/cy/subprocessors/")
    expect(page.locator(".register-name", has_text="Loom")).to_have_count(1)
    page.get_by_role("checkbox", name="Communications Hub").check()
    page.get_by_role("radio", name="Is-broseswyr yn unig").check()
    page.get_by_role("button", name="Dangos cofnodion sy'n cyfateb").click()

    parts = urlsplit(page.url)
    assert parts.path == "/cy/subprocessors/", page.url
    assert parse_qs(parts.query) == {"product": ["communications-hub"], "type": ["subprocessor"]}
    assert html_lang(page) == "cy"
    expect(page.locator("#current-h")).to_have_text("Cyfredol ar gyfer Communications Hub (3)")
    table = page.get_by_role("table", name="Derbynwyr cyfredol")
    expect(table.locator(".register-name")).to_have_text(
        ["Amazon Simple Email Service", "Amazon Web Services", "Twilio"]
    )
    twilio = table.get_by_role("row").filter(has_text="Twilio")
    expect(twilio.locator(".badge")).to_have_text("Is-brosesydd")
    expect(twilio).to_contain_text("Unol Daleithiau America")
    expect(twilio).to_contain_text("Pont ddata'r DU–UDA")
    expect(page.get_by_role("checkbox", name="Communications Hub")).to_be_checked()
    expect(page.get_by_role("radio", name="Is-broseswyr yn unig")).to_be_checked()
    axe_check(page)


def test_welsh_data_flow_diagram_is_in_welsh(live_demo, page):
    page.goto(live_demo.url + "/cy/products/pupil-progress/")
    aws = page.locator(".dataflow-list li").filter(has_text="Amazon Web Services")
    expect(aws).to_contain_text("Nid yw'n drosglwyddiad cyfyngedig", timeout=2000)
    fram = page.locator(".dataflow-list li").filter(has_text="FRAM")
    expect(fram).to_contain_text("Rheoliadau digonolrwydd y DU", timeout=2000)
    diagram = page.get_by_role("img", name="Sut mae data Pupil Progress yn llifo")
    svg_text = diagram.evaluate("svg => svg.textContent")
    for english in ("Sub-processor", "Not a restricted transfer", "UK adequacy regulations"):
        assert english not in svg_text, english


def test_welsh_search_examples_search_for_what_they_say(live_demo, page):
    page.goto(live_demo.url + "/cy/search/")
    examples = page.locator(".link-list a[href*='?q=']")
    expect(examples).to_have_count(4)
    problems = []
    for link in examples.all():
        words, href = link.text_content().strip(), link.get_attribute("href")
        query = parse_qs(urlsplit(href).query)["q"][0]
        if query.casefold() not in words.casefold():
            problems.append(f"{words!r} searches for {query!r}")
        if 'class="search-result"' not in page.request.get(live_demo.url + href).text():
            problems.append(f"{words!r} ({href}) finds nothing")
    assert problems == [], "\n".join(problems)
