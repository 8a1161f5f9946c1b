"""The demo site's home page. Loaded by `manage.py load_demo_content`, before the other apps'
demo content, which goes under it. Creates only what is missing."""

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from trusthub.core.demo import p
from trusthub.core.models import OrganisationSettings

from . import accessibility

HOME = {
    "title": "Trust Hub",
    "heading": "Privacy and trust at Juniper Education",
    "intro": p(
        "Schools and trusts trust us with information about their pupils, parents, carers and "
        "staff. You are the data controller; we process the data on your behalf. This hub sets "
        "out, product by product, what we hold and why, where it is hosted, who helps us "
        "process it, how long it is kept and how we keep it safe.",
        "Use it for your own DPIA and record of processing. Every page prints cleanly.",
    ),
    "dpo_intro": "Questions about how we handle your school's data, or a request you need "
    "help with? Our Data Protection Officer will answer.",
}


def _add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home():
    """Create the HomePage and make it the default site's root (replacing Wagtail's welcome)."""
    created = False
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if root is None:  # an emptied database (e.g. after a test flush): rebuild Wagtail's root
        if not Locale.objects.exists():
            Locale.objects.create(language_code=get_supported_content_language_variant("en-gb"))
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    welcome = Page.objects.filter(depth=2, slug="home", content_type__model="page").first()
    if welcome is not None and home is None:
        # Wagtail's "Welcome to your new Wagtail site!" placeholder holds the slug we want.
        Page.objects.filter(pk=welcome.pk).update(slug="wagtail-welcome")
    if home is None:
        home = _add(
            root,
            HomePage(
                title=HOME["title"],
                slug="home",
                heading=HOME["heading"],
                intro=HOME["intro"],
                dpo_intro=HOME["dpo_intro"],
            ),
        )
        created = True
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Trust Hub",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Trust Hub"
        site.save()
        created = True
    if welcome is not None and not welcome.get_children().exists():
        Page.objects.get(pk=welcome.pk).delete()
    return home, created


def ensure_standard_pages(home):
    """Create the accessibility statement under `home` unless a page has its slug. Returns the
    number of pages created."""
    if home.get_children().filter(slug=accessibility.SLUG).exists():
        return 0
    _add(home, StandardPage(**accessibility.statement(OrganisationSettings.load())))
    return 1
