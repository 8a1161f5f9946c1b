"""The demo accessibility statement (/accessibility/), linked from every page's footer.

In the format public-sector bodies publish (GOV.UK's sample statement): how accessible the site
is, what does not work yet, how to get information in another format, how to report a problem,
the enforcement procedure, and when the statement was prepared. What it says about conformance
is what the site's own tests check (axe-core at WCAG 2.2 AA on every public page type, in
headless Chromium, on every change; pages reflow on a 360-pixel screen). The contact details come
from the organisation settings. Whatever the code cannot vouch for (manual testing, response
times, dates) is illustrative, and the page's internal note says so.
"""

from trusthub.core.demo import p, ul

SLUG = "accessibility"
PREPARED = "25 November 2026"
EASS = "https://www.equalityadvisoryservice.com/"
ABILITYNET = "https://mcmw.abilitynet.org.uk/"
WCAG = "https://www.w3.org/TR/WCAG22/"

INTERNAL_NOTE = (
    "Illustrative demo data: the preparation and test dates (25 November 2026), the manual "
    "checks (keyboard, 400% zoom, screen readers), the 5 working days for a reply and the 10 "
    "working days for a document in another format are not from the seed DPIAs. Confirm them "
    "(and repeat the manual checks) before going live. What the statement says about "
    "automated checks is true of this site: every public page type is checked with axe-core "
    "at WCAG 2.2 AA by the browser tests. If the DPO's contact details change, update them "
    "here too: the statement quotes them."
)


def _h2(text):
    return f"<h2>{text}</h2>"


def statement(org):
    """The statement's fields, for `org` (the organisation settings)."""
    name = org.organisation_name
    email = f'<a href="mailto:{org.dpo_email}">{org.dpo_email}</a>'
    body = "".join(
        [
            p(
                f"This accessibility statement applies to the {name} Trust Hub: the pages that "
                "describe our products' privacy, security and retention, the sub-processor "
                "register, its change notices and feeds, and the documents you can download "
                "from them.",
                f"This website is run by {name}. We want as many people as possible to be able "
                "to use it. For example, that means you should be able to:",
            ),
            ul(
                "change colours, contrast levels and fonts using browser or device settings",
                "zoom in up to 400% without the text spilling off the screen",
                "navigate most of the website using just a keyboard or speech recognition software",
                "listen to the website using a screen reader (including the most recent "
                "versions of JAWS, NVDA and VoiceOver)",
                "use every page without JavaScript: forms, filters and the retention date "
                "calculator work without it",
            ),
            p(
                "We have also made the website text as simple as possible to understand.",
                f'<a href="{ABILITYNET}">AbilityNet</a> has advice on making your device easier '
                "to use if you have a disability.",
            ),
            _h2("How accessible this website is"),
            p(
                "We know some parts of this website are not fully accessible:",
            ),
            ul(
                "some PDF documents, such as DPIA documents offered for download and the "
                "printable evidence packs, may not be fully tagged, so screen reader users may "
                "find their headings and tables harder to navigate",
                "diagrams of how data flows between us and our sub-processors can be hard to "
                "follow with a screen reader or at high zoom; the same information is always "
                "given in text and tables on the page",
                "links to our sub-processors' privacy notices go to other organisations' "
                "websites, which we do not control",
            ),
            _h2("Feedback and contact information"),
            p(
                "If you need information on this website in a different format, such as an "
                "accessible PDF, large print, easy read, an audio recording or braille, email "
                f"our {org.dpo_name} at {email}.",
                "We will consider your request and get back to you within 5 working days. A "
                "document in another format may take up to 10 working days.",
            ),
            _h2("Reporting accessibility problems with this website"),
            p(
                "We are always looking to improve the accessibility of this website. If you "
                "find any problems not listed on this page, or think we are not meeting "
                f"accessibility requirements, email {email}. Tell us the address of the page "
                "and what went wrong; we will reply within 5 working days.",
            ),
            _h2("Enforcement procedure"),
            p(
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
                "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018 (the 'accessibility regulations'). If you are "
                "not happy with how we respond to your complaint, contact the "
                f'<a href="{EASS}">Equality Advisory and Support Service (EASS)</a>.',
                "We are not a public sector body ourselves, but the schools and trusts we work "
                "for are, so we follow the same regulations and publish this statement in the "
                "same format.",
            ),
            _h2("Technical information about this website's accessibility"),
            p(
                f"{name} is committed to making its website accessible, in accordance with the "
                "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
                "Regulations 2018.",
            ),
            "<h3>Compliance status</h3>",
            p(
                f'This website is partially compliant with the <a href="{WCAG}">Web Content '
                "Accessibility Guidelines version 2.2</a> AA standard, due to the "
                "non-compliances listed below.",
            ),
            "<h3>Non-accessible content</h3>",
            p(
                "PDF documents: some PDFs may not be fully tagged with headings, lists and "
                "table structure. This fails WCAG 2.2 success criterion 1.3.1 (Info and "
                "relationships). Everything in them is also on the website's pages, which "
                "meet it.",
                "Diagrams: a data-flow diagram is described by the text and tables around it "
                "rather than by its own text alternative in full, which may not meet WCAG 2.2 "
                "success criterion 1.1.1 (Non-text content) for every detail.",
            ),
            _h2("What we are doing to improve accessibility"),
            p(
                "Every kind of public page on this website is checked automatically against "
                "WCAG 2.2 AA with axe-core, in a real browser, whenever the website changes; a "
                "change that fails is not released. We are working on fully tagged PDFs.",
            ),
            _h2("Preparation of this accessibility statement"),
            p(
                f"This statement was prepared on {PREPARED}. It was last reviewed on {PREPARED}.",
                f"This website was last tested on {PREPARED}. The test was carried out by "
                f"{name}: automated checks of every kind of public page with axe-core, and "
                "manual checks with a keyboard, at 400% zoom and with screen readers.",
            ),
        ]
    )
    return {
        "title": "Accessibility statement",
        "slug": SLUG,
        "search_description": (
            f"How accessible the {name} Trust Hub is (WCAG 2.2 AA), what does not work yet, "
            "and how to report a problem or ask for another format."
        ),
        "intro": (
            "How accessible this website is, what we know does not work yet, and how to tell "
            "us about a problem or ask for information in another format."
        ),
        "body": body,
        "internal_note": INTERNAL_NOTE,
    }
