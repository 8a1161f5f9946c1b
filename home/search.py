"""Site search (/search/?q=): product privacy summaries, security statements, retention pages,
plain pages, register entries and change notices, in one list, best match first.

Wagtail's search backend (the database backend: PostgreSQL full-text search in production and
tests, SQLite's FTS5 under `make run`) ranks each kind; the ranks are comparable, so the lists
are merged by rank. Only what the public may see is searched: each query starts from the same
rows the public pages show (live, public pages; live register entries, as the register shows
them; live change notices, `live_notices()`), so a draft, an unpublished entry or a private page
is never a result, whatever the index holds. Drafts of live records are never in the index: it
is built from the rows, which hold the published version (home/indexing.py).

In Welsh (any language but English) the words searched are those of the live translations and,
for records with none, of the English originals (names, and text not yet translated): each match
counts for its original, once, and is shown as the register or change log shows it in that
language. A translation whose original is not live is never a result. PostgreSQL has no Welsh
dictionary: Welsh text is searched word for word, without stemming.

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
from subprocessors.models import ChangeNotice, Subprocessor, SubprocessorUse
from subprocessors.notices import live_notices
from trusthub.core.locales import active_language

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
    """One match, before it is loaded: what it is (a page model, ENTRY or NOTICE), its id (a
    page's; an entry's or notice's translation key) and its rank."""

    kind: object
    pk: int
    score: float


@dataclass
class Result:
    label: str
    title: str
    url: str
    snippet: str


def _pages(locale_id):
    return Page.objects.live().public().type(*PAGE_TYPES).filter(locale_id=locale_id)


def _locale_ids():
    """The active language's locale id (pages are searched in it), and the locale ids entries
    and notices are searched in: the active one and English (one query)."""
    codes = {active_language(), settings.LANGUAGE_CODE}
    ids = dict(Locale.objects.filter(language_code__in=codes).values_list("language_code", "pk"))
    return ids.get(active_language()), list(ids.values())


def _best_by_key(results):
    """Each record once (by translation key), at its best rank in any language."""
    best = {}
    for row in results:
        if row.translation_key not in best or row._score > best[row.translation_key]:
            best[row.translation_key] = row._score
    return best.items()


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
    page_locale, locales = _locale_ids()
    hits = [
        Hit(_page_type(page), page.pk, page._score)
        for page in _ranked(backend, query, _pages(page_locale), ["id", "content_type_id"])
    ]
    for kind, model in ((ENTRY, Subprocessor), (NOTICE, ChangeNotice)):
        rows = model.objects.filter(live=True, locale__in=locales)
        ranked = _best_by_key(_ranked(backend, query, rows, ["id", "translation_key"]))
        if len(locales) > 1:
            # A live translation counts only while its original is public (one more query).
            public = set(
                model.objects.originals()
                .filter(live=True, translation_key__in=[key for key, _score in ranked])
                .values_list("translation_key", flat=True)
            )
            ranked = [(key, score) for key, score in ranked if key in public]
        hits += [Hit(kind, key, score) for key, score in ranked]
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
    entries = (
        Subprocessor.objects.originals()
        .filter(live=True, translation_key__in=pks)
        .prefetch_related(
            Prefetch("uses", queryset=uses.order_by("product__path"), to_attr="public_uses")
        )
        .in_active_language()
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
        yield entry.translation_key, Result(ENTRY_LABEL, entry.name, url, highlight(text, query))


def _notices(kind, pks, query):
    for notice in live_notices().filter(translation_key__in=pks):
        text = f"{notice.summary} {_searchable_text(notice, 'details')}"
        yield (
            notice.translation_key,
            Result(NOTICE_LABEL, notice.title, notice.get_absolute_url(), highlight(text, query)),
        )
