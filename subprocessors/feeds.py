"""Change-notice feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1, built on Django's syndication
framework. Item ids are the notice's permanent UUID URN, so a corrected notice keeps its id and
shows its new `updated` time.
"""

import datetime
import json

from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from trusthub.core.http import read_only
from trusthub.core.models import OrganisationSettings

from .models import ChangeNotice
from .notices import live_notices, with_relations
from .register import RegisterFilter
from .representations import cached, keep_as, product_filter

EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
FEED_ITEMS = 50  # the newest notices; the change log page has the full history

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _author(name, url):
    return {"name": name, "url": url} if url else {"name": name}


class StableUpdatedMixin:
    """An empty feed's updated time is when its notices last changed, not the time of the
    request, so an unchanged feed has an unchanged body (and ETag)."""

    def latest_post_date(self):
        if not self.items and self.feed.get("empty_updated"):
            return self.feed["empty_updated"]
        return super().latest_post_date()


class RssFeedGenerator(StableUpdatedMixin, feedgenerator.Rss201rev2Feed):
    pass


class AtomFeedGenerator(StableUpdatedMixin, feedgenerator.Atom1Feed):
    pass


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
            "authors": [_author(self.feed["author_name"], self.feed["author_link"])],
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

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # An unknown product is a 404 (get_object), so a feed rendered is the one asked for.
        return keep_as(response, tuple(request.feed_filter.product_slugs))

    # Feed instances are shared between threads: per-request state lives on the filter object.
    def get_object(self, request):
        # Feeds filter by product only; other parameters (e.g. ?type=) are ignored.
        products = QueryDict(mutable=True)
        products.setlist("product", request.GET.getlist("product"))
        flt = RegisterFilter.from_query(products)
        if flt.errors:
            raise Http404(" ".join(flt.errors))
        flt.org = OrganisationSettings.load(request_or_site=request)
        flt.request = request
        request.feed_filter = flt
        return flt

    def title(self, flt):
        org = flt.org.organisation_name
        if flt.products:
            return _("%(org)s: sub-processor changes — %(products)s") % {
                "org": org,
                "products": ", ".join(p.title for p in flt.products),
            }
        return _("%(org)s: sub-processor changes") % {"org": org}

    def link(self, flt):
        return reverse("subprocessors:changes") + flt.query_string(include_type=False)

    def feed_url(self, flt):
        return flt.request.path + flt.query_string(include_type=False)

    def feed_guid(self, flt):
        return flt.request.build_absolute_uri(
            flt.request.path + flt.query_string(include_type=False)
        )

    def description(self, flt):
        return _(
            "Advance notice of changes to the sub-processors that process schools' data, "
            "published before they take effect so schools can object (UK GDPR Article 28(2))."
        )

    def author_name(self, flt):
        return flt.org.organisation_name

    def author_link(self, flt):
        return flt.org.website or None

    def items(self, flt):
        return list(with_relations(live_notices(flt.products))[:FEED_ITEMS])

    def feed_extra_kwargs(self, flt):
        # An empty feed's <updated> must not be "now" (it would change on every request).
        return {"empty_updated": last_modified(flt.products) or last_modified() or EPOCH}

    # --- items ---------------------------------------------------------------------------

    def item_title(self, notice):
        return notice.headline

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
            return [_("All products")]
        return [p.title for p in notice.products.all()]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["org"] = kwargs["obj"].org
        return context

    def item_extra_kwargs(self, notice):
        return {}


class RssChangeFeed(ChangeNoticeFeed):
    feed_type = RssFeedGenerator


class AtomChangeFeed(ChangeNoticeFeed):
    feed_type = AtomFeedGenerator

    def subtitle(self, flt):
        return self.description(flt)


class JsonChangeFeed(ChangeNoticeFeed):
    feed_type = JsonFeedGenerator

    def item_extra_kwargs(self, notice):
        return {
            "summary": notice.summary,
            "notice": {
                "kind": notice.kind,
                "kind_label": _(notice.get_kind_display()),
                "notice_date": notice.notice_date.isoformat(),
                "effective_date": notice.effective_date.isoformat(),
                "objection_deadline": notice.objection_deadline.isoformat(),
                "status": notice.status,
                "all_products": notice.all_products,
                "products": [p.slug for p in notice.products.all()],
                "subprocessors": [str(s.uuid) for s in notice.subprocessors.all()],
            },
        }


def last_modified(products=()):
    """When the feed's notices last changed: a publication or correction of one of them, or
    a notice being withdrawn (unpublished or deleted)."""
    latest = live_notices(products).aggregate(latest=Max("last_published_at"))["latest"]
    withdrawn = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ChangeNotice),
        action__in=("wagtail.unpublish", "wagtail.delete"),
    ).aggregate(latest=Max("timestamp"))["latest"]
    return max(filter(None, (latest, withdrawn)), default=None)


def _cached_feed(name, feed):
    """ETag and Last-Modified from the register version (`representations.py`): a 304 costs
    no rendering and no query beyond the version. GET and HEAD only."""
    return read_only(cached(name, product_filter, conditional=True)(feed))


rss_feed = _cached_feed("feed.rss", RssChangeFeed())
atom_feed = _cached_feed("feed.atom", AtomChangeFeed())
json_feed = _cached_feed("feed.json", JsonChangeFeed())
