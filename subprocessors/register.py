"""Reading the public register: filters from the query string, and the live rows they select.

Every public output (HTML register, product pages, CSV, JSON) goes through here, so they always
agree and never see a draft.
"""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Prefetch
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from products.models import ProductPage
from trusthub.core.locales import with_translated_titles

from .models import (
    RecipientType,
    Status,
    Subprocessor,
    SubprocessorUse,
    TransferSafeguard,
    register_last_changed,
    today,
)

TYPE_FILTERS = {
    "subprocessor": [RecipientType.SUBPROCESSOR],
    "other": [RecipientType.CONTROLLER, RecipientType.ON_INSTRUCTION, RecipientType.IN_HOUSE],
}
MAX_PRODUCT_FILTERS = 20
RECIPIENT_TYPE_LABELS = dict(RecipientType.choices)
TRANSFER_SAFEGUARD_LABELS = dict(TransferSafeguard.choices)


@dataclass
class RegisterFilter:
    products: list = field(default_factory=list)  # live ProductPage objects
    recipient_type: str = ""  # "", "subprocessor" or "other"
    errors: list = field(default_factory=list)
    all_products: list = field(default_factory=list)

    @property
    def product_slugs(self):
        return [p.slug for p in self.products]

    def query_string(self, include_type=True):
        """The active filters, encoded: "" or "?product=a&product=b&type=other".

        The one place links that keep the selection (downloads, feeds) get their query from.
        Feeds filter by product only: they pass `include_type=False`.
        """
        query = QueryDict(mutable=True)
        query.setlist("product", self.product_slugs)
        if include_type and self.recipient_type:
            query["type"] = self.recipient_type
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else ""

    @classmethod
    def from_query(cls, query):
        all_products = list(public_products())
        by_slug = {p.slug: p for p in all_products}
        selected, errors = [], []
        # The messages say what is wrong and what would work, not what a page then shows: the
        # HTML pages ignore unknown values, the exports answer 400 with these messages.
        for slug in requested_slugs(query):
            if slug in by_slug:
                selected.append(by_slug[slug])
            else:
                errors.append(_("There is no product called “%(slug)s”.") % {"slug": slug[:60]})
        if errors:
            known = ", ".join(p.slug for p in all_products) or _("none published yet")
            errors[-1] += " " + _("Products: %(known)s.") % {"known": known}
        recipient_type = query.get("type", "").strip()
        if recipient_type and recipient_type not in TYPE_FILTERS:
            errors.append(
                _("Unknown recipient type “%(type)s”. Types: %(types)s.")
                % {"type": recipient_type[:60], "types": ", ".join(TYPE_FILTERS)}
            )
            recipient_type = ""
        return cls(selected, recipient_type, errors, all_products)

    def entries(self):
        """Live entries matching the filter, ready to show (see `_prepare_rows`).

        Each has `.public_uses`, its uses by the selected products. Each use carries
        `product_slug` and `product_title`, read in the same query: a register of hundreds of
        rows would otherwise build a full product page, StreamFields and all, for every use.
        Read those, not `use.product` (a query per use).
        """
        uses = SubprocessorUse.objects.filter(product__live=True).annotate(
            product_slug=F("product__slug"), product_title=F("product__title")
        )
        qs = Subprocessor.objects.originals().filter(live=True).in_active_language()
        if self.products:
            ids = [p.pk for p in self.products]
            uses = uses.filter(product_id__in=ids)
            qs = qs.filter(uses__product_id__in=ids).distinct()
        if self.recipient_type:
            qs = qs.filter(recipient_type__in=TYPE_FILTERS[self.recipient_type])
        uses = uses.order_by("product__path")
        rows = qs.prefetch_related(Prefetch("uses", queryset=uses, to_attr="public_uses"))
        return _prepare_rows(list(rows.order_by("name", "pk")))


def public_products():
    """The live, public products schools choose from (the register's filter, alert sign-up,
    objections): the English originals, which entries, notices and subscriptions name, titled
    as their live translations are on another language's page."""
    return with_translated_titles(
        ProductPage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .only("id", "title", "slug", "path")
    )


def requested_slugs(query):
    """The products a query string asks for, in its order: blanks and repeats dropped, at most
    MAX_PRODUCT_FILTERS. Unknown slugs are kept (`from_query` reports them). The cache keys of
    `representations.py` use it too, so they name a selection exactly as the pages read it."""
    raw = [s.strip() for s in query.getlist("product") if s.strip()][:MAX_PRODUCT_FILTERS]
    return list(dict.fromkeys(raw))


def _prepare_rows(entries):
    """Work out once per request what every row shows, rather than once per row and cell.

    Sets `public_countries` ({"code", "name"} for each country) and `country_names`, each
    name looked up once per request rather than per row (django-countries translates it on
    every lookup), and `recipient_type_label` and `transfer_safeguard_label` (what
    `get_*_display` gives, without rebuilding the choices for every cell).
    """
    by_code = {}
    shown = functools.cache(gettext)
    for entry in entries:
        countries = []
        for country in entry.countries:
            if country.code not in by_code:
                by_code[country.code] = {"code": country.code, "name": country.name}
            countries.append(by_code[country.code])
        entry.public_countries = countries
        entry.country_names = [country["name"] for country in countries]
        entry.recipient_type_label = RECIPIENT_TYPE_LABELS.get(
            entry.recipient_type, entry.recipient_type
        )
        entry.transfer_safeguard_label = TRANSFER_SAFEGUARD_LABELS.get(
            entry.transfer_safeguard, entry.transfer_safeguard
        )
        # The labels as shown, in the page's language (the `_label`s stay English: records,
        # exports and the register's history keep those). Each translated once per request.
        entry.recipient_type_text = shown(entry.recipient_type_label)
        entry.transfer_safeguard_text = shown(entry.transfer_safeguard_label)
    return entries


def split_by_status(entries, day=None):
    """The entries by status on `day`; each shown use gets `is_upcoming` and `since_html`, its
    line in the register's tables ("Since 1 May 2024; data about pupils."), worked out here:
    hundreds of rows would otherwise each run the translation machinery in the template."""
    day = day or today()
    groups = {Status.CURRENT: [], Status.UPCOMING: [], Status.FORMER: []}
    since = gettext('Since <time datetime="%(iso)s">%(day)s</time>; data about %(subjects)s.')
    starts = gettext('Starts on <time datetime="%(iso)s">%(day)s</time>; data about %(subjects)s.')
    day_text = functools.cache(lambda value: escape(date_format(value, "j F Y")))
    for entry in entries:
        groups[entry.status_on(day)].append(entry)
        for use in entry.public_uses:
            use.is_upcoming = use.start_date > day
            words = {
                "iso": use.start_date.isoformat(),
                "day": day_text(use.start_date),
                "subjects": escape(use.data_subjects.lower()),
            }
            use.since_html = mark_safe(
                (starts if use.is_upcoming else since) % words
            )  # every value escaped above
    groups[Status.UPCOMING].sort(key=lambda e: (e.start_date, e.name))
    groups[Status.FORMER].sort(key=lambda e: (e.end_date, e.name), reverse=True)
    return groups


def entries_for_product(product):
    """Live entries used by one product (its own table on the product page)."""
    return RegisterFilter(products=[product]).entries()


__all__ = [
    "RegisterFilter",
    "public_products",
    "requested_slugs",
    "split_by_status",
    "entries_for_product",
    "register_last_changed",
]
