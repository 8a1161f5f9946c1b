"""Keeping search and the sitemap in step with what is published (receivers connected in
apps.py).

The search index follows the database rows, and a row holds what is live: a draft of a live
page, register entry or notice is stored as a revision, so it never reaches the index. Wagtail
indexes a row when it is saved, by a task: run by the worker, that is some time after a publish;
run at once (tests), it comes before a register entry's product uses are saved. Publishing an
entry or notice therefore indexes it again here, complete, at once. A register entry's indexed
purposes are those of live products (`Subprocessor.search_purposes`), so publishing or
unpublishing a product indexes its entries again (a task).

Search results and the sitemap are publicly cached, so the caching proxy is purged of them
(every `?q=` variant with /search/) whenever they may read differently.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import Site
from wagtail.search import index

from subprocessors.cache import purge_after_commit
from subprocessors.models import Subprocessor
from trusthub.core.locales import in_every_language


def reindex_published(sender, instance, **kwargs):
    """A register entry or change notice was published: index its live row, uses and all."""
    row = type(instance).objects.filter(pk=instance.pk).first()
    if row is not None:
        index.insert_or_update_object(row)


def reindex_product_entries(sender, instance, **kwargs):
    """A product page was published or unpublished: its entries' searchable purposes may have
    changed. One task re-indexes them (the worker; at once in tests), so publishing a product
    used by hundreds of entries stays quick."""
    reindex_entries_of_product.enqueue(instance.pk)


@task()
def reindex_entries_of_product(product_id):
    entries = Subprocessor.objects.filter(uses__product_id=product_id).distinct()
    for entry in entries:
        index.insert_or_update_object(entry)
    return len(entries)


def purge_search_and_sitemap(sender, **kwargs):
    """Something public changed: purge /search/ (all queries) and /sitemap.xml."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        root = site.root_url.rstrip("/")
        with translation.override(settings.LANGUAGE_CODE):
            paths = [*in_every_language([reverse("search")]), reverse("sitemap")]
        purge_after_commit([root + path for path in paths])
