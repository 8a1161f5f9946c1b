"""Site search (/search/?q=): product privacy summaries, security statements, retention pages,
plain pages, register entries and change notices, in one list, best match first.

Wagtail's search backend (the database backend: PostgreSQL full-text search in production and
tests, SQLite's FTS5 under `make run`) ranks each kind; the ranks are comparable, so the lists
are merged by rank. Only what the public may see is searched: each query starts from the same
rows the public pages show (live, public pages; live register entries, as the register shows
them; live change notices, `live_notices()`), so a draft, an unpublished entry or a private page
is never a result, whatever the index holds. Drafts of live records are never in the index: it
is built from the rows, which hold the published version (home/indexing.py).

Two steps keep the query count fixed, however many records match: `find()` ranks every match by
id and score (one query per kind); `present()` loads only the ten results shown (at most one
query per kind on the page).
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from products.models import ProductPage, RetentionPage, SecurityStatementPage
from subprocessors.models import Subprocessor, SubprocessorUse
from subprocessors.notices import live_notices

from .highlight import highlight
from .models import StandardPage

MAX_QUERY_LENGTH = 200  # characters; a longer query is cut here (and the visitor told)
WORD = re.compile(r"\w+")

# Each searchable page type, its result label, and the fields a result's snippet is taken from
# (the text a visitor recognises; certifications, with their documents, are searched but not
# quoted).
PAGE_TYPES = {
    ProductPage: (
        _("Privacy summary"),
        (
            "summary",
            "description",
            "hosting_location",
            "hosting",
            "data_subjects",
            "data_categories",
            "purposes",
            "data_sources",
        ),
    ),
    SecurityStatementPage: (_("Security statement"), ("intro", "controls")),
    RetentionPage: (
        _("Retention"),
        ("intro", "stages", "export_notes", "erasure_notes", "certificate_notes"),
    ),
    StandardPage: (_("Page"), ("intro", "body")),
}
ENTRY_LABEL = _("Register entry")
NOTICE_LABEL = _("Change notice")
ENTRY, NOTICE = "entry", "notice"


def clean_query(raw):
    """The query as searched: printable characters only (a NUL byte would make PostgreSQL fail),
    whitespace runs as one space, at most MAX_QUERY_LENGTH characters. Returns the query and
    whether it was shortened."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip(), len(text) > MAX_QUERY_LENGTH


@dataclass(frozen=True)
class Hit:
    """One match, before it is loaded: what it is (a page model, ENTRY or NOTICE), its id and
    its rank."""

    kind: object
    pk: int
    score: float


@dataclass
class Result:
    label: str
    title: str
    url: str
    snippet: str


def _pages():
    pages = Page.objects.live().public().type(*PAGE_TYPES)
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        pages = pages.filter(locale=Locale.get_active())
    return pages


def _ranked(backend, query, queryset, fields):
    results = backend.search(query, queryset.only(*fields)).annotate_score("_score")
    return list(results)


def _page_type(page):
    """The PAGE_TYPES entry a page is (or is a subclass of)."""
    return next(model for model in PAGE_TYPES if issubclass(page.specific_class, model))


def find(query):
    """Every match for `query` that the public may see, best first, as Hits. Only the query's
    words are searched for: punctuation means nothing to a plain-text search, and a stray quote
    would be a syntax error to SQLite's full-text search."""
    query = " ".join(WORD.findall(query))
    if not query:
        return []
    backend = get_search_backend()
    hits = [
        Hit(_page_type(page), page.pk, page._score)
        for page in _ranked(backend, query, _pages(), ["id", "content_type_id"])
    ]
    hits += [
        Hit(ENTRY, entry.pk, entry._score)
        for entry in _ranked(backend, query, Subprocessor.objects.filter(live=True), ["id"])
    ]
    hits += [
        Hit(NOTICE, notice.pk, notice._score)
        for notice in _ranked(backend, query, live_notices(), ["id"])
    ]
    order = {kind: i for i, kind in enumerate([*PAGE_TYPES, ENTRY, NOTICE])}
    return sorted(hits, key=lambda hit: (-hit.score, order[hit.kind], hit.pk))


def present(hits, query):
    """The Results for `hits` (one page of them), in the same order. A hit whose record has
    gone since `find()` (unpublished meanwhile) is left out."""
    wanted = {}
    for hit in hits:
        wanted.setdefault(hit.kind, []).append(hit.pk)
    loaded = {}
    for kind, pks in wanted.items():
        loader = {ENTRY: _entries, NOTICE: _notices}.get(kind, _page_results)
        for pk, result in loader(kind, pks, query):
            loaded[kind, pk] = result
    return [loaded[hit.kind, hit.pk] for hit in hits if (hit.kind, hit.pk) in loaded]


def _searchable_text(obj, name):
    """A field's text as the search index has it: rich text and StreamFields as plain text
    (their own `get_searchable_content`), other fields as they are. highlight() escapes it."""
    field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if hasattr(field, "get_searchable_content"):
        value = field.get_searchable_content(value)
    if isinstance(value, list | tuple):
        return " ".join(str(item) for item in value)
    return str(value or "")


def _page_results(model, pks, query):
    label, fields = PAGE_TYPES[model]
    for page in model.objects.live().filter(pk__in=pks):
        # No request: with one site the URL is the path, found without looking the site up.
        url = page.get_url()
        if url is not None:  # a page outside every site has no address to link to
            text = " ".join(_searchable_text(page, name) for name in fields)
            yield page.pk, Result(label, page.title, url, highlight(text, query))


def _entries(kind, pks, query):
    # The uses the register shows: those of live products (a draft product is never named).
    uses = SubprocessorUse.objects.filter(product__live=True).annotate(
        product_title=F("product__title")
    )
    entries = Subprocessor.objects.filter(live=True, pk__in=pks).prefetch_related(
        Prefetch("uses", queryset=uses.order_by("product__path"), to_attr="public_uses")
    )
    register = reverse("subprocessors:register")
    for entry in entries:
        purposes = "; ".join(f"{use.product_title}: {use.purpose}" for use in entry.public_uses)
        where = gettext("Where data is processed: %(countries)s") % {
            "countries": ", ".join(country.name for country in entry.countries)
        }
        pieces = [entry.description, purposes, where, entry.data_categories]
        text = " ".join(f"{piece.rstrip('. ')}." for piece in pieces if piece.strip())
        if entry.legal_entity:
            text = f"{entry.legal_entity}: {text}"
        url = f"{register}#sp-{entry.public_id}"
        yield entry.pk, Result(ENTRY_LABEL, entry.name, url, highlight(text, query))


def _notices(kind, pks, query):
    for notice in live_notices().filter(pk__in=pks):
        text = f"{notice.summary} {_searchable_text(notice, 'details')}"
        yield (
            notice.pk,
            Result(NOTICE_LABEL, notice.title, notice.get_absolute_url(), highlight(text, query)),
        )
