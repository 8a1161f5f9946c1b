"""Change-notice feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1, built on Django's syndication
framework. Item ids are the notice's permanent UUID URN, so a corrected notice keeps its id and
shows its new `updated` time.
"""

import hashlib
import json

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import feedgenerator, timezone
from django.views.decorators.http import condition

from home.models import OrganisationSettings

from .notices import fingerprint, live_notices, with_relations
from .register import RegisterFilter

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


class JsonFeedGenerator(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = {
            "version": JSON_FEED_VERSION,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "authors": [{"name": self.feed["author_name"], "url": self.feed["author_link"]}],
            "items": [self._item(item) for item in self.items],
        }
        outfile.write(json.dumps(feed, ensure_ascii=False, indent=2))

    @staticmethod
    def _item(item):
        return {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item["description"],
            "summary": item["summary"],
            "date_published": item["pubdate"].isoformat(),
            "date_modified": item["updateddate"].isoformat(),
            "tags": item["categories"],
            "_trust_hub": item["notice"],
        }


class ChangeNoticeFeed(Feed):
    """Base feed; subclasses choose the format."""

    description_template = "subprocessors/feed_item.html"

    # Feed instances are shared between threads: per-request state lives on the filter object.
    def get_object(self, request):
        flt = RegisterFilter.from_query(request.GET)
        if flt.errors:
            raise Http404(" ".join(flt.errors))
        flt.org = OrganisationSettings.load(request_or_site=request)
        flt.request = request
        return flt

    def title(self, flt):
        suffix = f" — {', '.join(p.title for p in flt.products)}" if flt.products else ""
        return f"{flt.org.organisation_name}: sub-processor changes{suffix}"

    def link(self, flt):
        return "/subprocessors/changes/" + self._query(flt)

    def feed_url(self, flt):
        return flt.request.path + self._query(flt)

    def feed_guid(self, flt):
        return flt.request.build_absolute_uri(flt.request.path + self._query(flt))

    def description(self, flt):
        return (
            "Advance notice of changes to the sub-processors that process schools' data, "
            "published before they take effect so schools can object (UK GDPR Article 28(2))."
        )

    def author_name(self, flt):
        return flt.org.organisation_name

    def author_link(self, flt):
        return flt.org.website or None

    def items(self, flt):
        return list(with_relations(live_notices(flt.products)))

    @staticmethod
    def _query(flt):
        return ("?" + "&".join(f"product={p.slug}" for p in flt.products)) if flt.products else ""

    # --- items ---------------------------------------------------------------------------

    def item_title(self, notice):
        return f"{notice.get_kind_display()}: {notice.title}"

    def item_link(self, notice):
        return notice.get_absolute_url()

    def item_guid(self, notice):
        return f"urn:uuid:{notice.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, notice):
        return notice.published_at

    def item_updateddate(self, notice):
        return notice.updated_at

    def item_categories(self, notice):
        if notice.all_products:
            return ["All products"]
        return [p.title for p in notice.products.all()]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["org"] = kwargs["obj"].org
        return context

    def item_extra_kwargs(self, notice):
        return {}


class RssChangeFeed(ChangeNoticeFeed):
    feed_type = feedgenerator.Rss201rev2Feed


class AtomChangeFeed(ChangeNoticeFeed):
    feed_type = feedgenerator.Atom1Feed

    def subtitle(self, flt):
        return self.description(flt)


class JsonChangeFeed(ChangeNoticeFeed):
    feed_type = JsonFeedGenerator

    def item_extra_kwargs(self, notice):
        return {
            "summary": notice.summary,
            "notice": {
                "kind": notice.kind,
                "kind_label": notice.get_kind_display(),
                "notice_date": notice.notice_date.isoformat(),
                "effective_date": notice.effective_date.isoformat(),
                "objection_deadline": notice.objection_deadline.isoformat(),
                "status": notice.status,
                "all_products": notice.all_products,
                "products": [p.slug for p in notice.products.all()],
                "subprocessors": [str(s.uuid) for s in notice.subprocessors.all()],
            },
        }


def _conditional(view, fmt):
    def etag(request, *args, **kwargs):
        flt = RegisterFilter.from_query(request.GET)
        if flt.errors:
            return None
        latest, count = fingerprint(flt.products)
        raw = f"{fmt}|{','.join(flt.product_slugs)}|{latest and latest.isoformat()}|{count}|"
        raw += timezone.localdate().isoformat()  # statuses (upcoming/in effect) change by day
        return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'

    def last_modified(request, *args, **kwargs):
        flt = RegisterFilter.from_query(request.GET)
        if flt.errors:
            return None
        latest, _count = fingerprint(flt.products)
        return latest

    return condition(etag_func=etag, last_modified_func=last_modified)(view)


rss_feed = _conditional(RssChangeFeed(), "rss")
atom_feed = _conditional(AtomChangeFeed(), "atom")
json_feed = _conditional(JsonChangeFeed(), "json")
