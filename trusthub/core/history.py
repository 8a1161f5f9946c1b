"""A page's public history (issue 15): the versions of it we published, each viewable.

`PublicHistoryMixin` gives a page type
- `public_change_note`, "What changed in this version": written by the editor, shown publicly;
- `<page>/history/`: its published versions, newest first, each with its number, date and note;
- `<page>/history/<n>/`: version n as it was published, in the page's own template, with a
  banner pointing to the current version, `noindex` and no userbar.

"Published versions" are Wagtail's own record of publishing: the page's log entries for a
revision going live (`PUBLISH_ACTIONS`), each naming that revision, numbered 1, 2, … in the
order they were published. Drafts, revisions waiting for approval and scheduled revisions that have not gone
live yet have no such entry, so they are never listed or shown. Nothing about the person who
published is read: a version shows its date and the note its editor wrote for the public.
"""

import datetime
import logging
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageLogEntry, Revision

logger = logging.getLogger(__name__)

# Wagtail's log actions for a revision going live: published now, or by `publish_scheduled` at
# its go-live time ("wagtail.publish.schedule", without the d, only schedules it: not live yet).
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
NO_NOTE = gettext_lazy("No change note")
# The note as the published revision stored it, read in the database (not the whole content).
NOTE_IN_REVISION = "revision__content__public_change_note"


@dataclass(frozen=True)
class PublishedVersion:
    number: int  # 1 for the first version published, then 2, 3, …
    published_at: datetime.datetime
    note: str  # what the editor wrote for the public ('' if nothing new)
    revision_id: int | None  # None if the revision is no longer stored
    url: str = ""

    @property
    def note_or_default(self):
        return self.note or NO_NOTE


def published_versions(page, base_url=""):
    """The page's published versions, oldest first, in one query. `base_url` is the page's URL
    (each version's `url` is its page under it).

    A note left unchanged from the version before counts as no note: the field keeps its value
    from one edit to the next, so a repeated note is almost always one the editor did not
    replace, and would misdescribe this version."""
    rows = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS)
        .order_by("timestamp", "pk")
        .values_list("timestamp", "revision_id", "revision__object_id", NOTE_IN_REVISION)
    )
    versions, previous_note = [], ""
    for number, (timestamp, revision_id, object_id, note) in enumerate(rows, start=1):
        note = note.strip() if isinstance(note, str) else ""
        stored = revision_id is not None and object_id == str(page.pk)
        versions.append(
            PublishedVersion(
                number=number,
                published_at=timestamp,
                note=note if note != previous_note else "",
                revision_id=revision_id if stored else None,
                url=f"{base_url}history/{number}/" if base_url else "",
            )
        )
        previous_note = note
    return versions


class PublicHistoryMixin(RoutablePageMixin, models.Model):
    """A page with a public list of its published versions, each viewable. Put it first among
    the page's bases; the page needs BreadcrumbsMixin (trusthub.core.mixins) too. Its template
    shows `last_updated` and links to `history_url` (components/page_history.html); the list is
    rendered with `<app_label>/history.html`."""

    public_change_note = models.CharField(
        "What changed in this version",
        max_length=250,
        blank=True,
        help_text="Shown publicly, with the date, in this page's list of published versions, "
        "e.g. 'Added the new messaging feature's data categories.' Replace it each time you "
        "publish: a note left as it was for the last version is not shown again. Plain text; "
        "do not include anyone's name.",
    )

    class Meta:
        abstract = True

    @classmethod
    def public_change_note_panels(cls):
        """For the end of the page's content tab, where an editor finishes a change."""
        return [
            MultiFieldPanel(
                [FieldPanel("public_change_note")],
                heading="Public change note",
                help_text="Schools see the list of published versions of this page, each with "
                "its date and this note. Your name is never shown.",
            )
        ]

    # --- URLs ----------------------------------------------------------------------------------

    def get_cached_paths(self):
        """What a frontend cache purge covers on publish or unpublish: the page (and whatever
        the page type adds), the list of versions and every version (all show the header and
        footer), and the next one: Wagtail sends `page_published`, which purges, before it logs
        the publication, so the version being published is not in the log yet (and a 404 the
        proxy kept for its URL must go)."""
        versions = published_versions(self, base_url="/") if self.pk else []
        following = f"/history/{len(versions) + 1}/"
        return [*super().get_cached_paths(), "/history/", *(v.url for v in versions), following]

    def history_url(self, request=None):
        url = self.get_url(request=request)
        return f"{url}history/" if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["last_updated"] = self.last_published_at
        context["history_url"] = self.history_url(request)
        return context

    # --- Views ---------------------------------------------------------------------------------

    @path("history/", name="history")
    def history_view(self, request):
        url = self.get_url(request=request)
        versions = published_versions(self, base_url=url)
        latest = versions[-1] if versions else None
        context = {
            "page": self,
            "self": self,
            "request": request,
            "breadcrumbs": [*self.get_breadcrumbs(), self],
            "versions": versions[::-1],
            "current_version": latest
            if latest and latest.revision_id == self.live_revision_id
            else None,
        }
        return TemplateResponse(request, f"{self._meta.app_label}/history.html", context)

    @path("history/<int:version>/", name="history_version")
    def history_version_view(self, request, version):
        url = self.get_url(request=request)
        versions = published_versions(self, base_url=url)
        if not 1 <= version <= len(versions) or versions[version - 1].revision_id is None:
            raise Http404("No such version of this page")
        chosen = versions[version - 1]
        shown = self.version_as_page(chosen)
        context = shown.get_context(request)
        context.update(
            history_version=chosen,
            history_url=f"{url}history/",
            current_url=url,
            last_updated=chosen.published_at,
            breadcrumbs=[
                *context.get("breadcrumbs", []),
                self,
                {"url": f"{url}history/", "title": _("Published versions")},
            ],
            robots_noindex=True,
            hide_userbar=True,
        )
        return TemplateResponse(request, shown.get_template(request), context)

    def version_as_page(self, version):
        """The page as `version` published it, or Http404 if its content can no longer be read
        (a revision saved before a field changed shape): the list still shows its date."""
        try:
            revision = Revision.page_revisions.get(pk=version.revision_id, object_id=str(self.pk))
            shown = self.with_content_json(revision.content)
            # at the page's URL as it is now (a version saved under an older slug links there)
            shown.slug, shown.url_path = self.slug, self.url_path
            for field in shown._meta.concrete_fields:
                if isinstance(field, StreamField):
                    list(getattr(shown, field.attname) or [])  # parsed now, not while rendering
        except (
            ObjectDoesNotExist,
            ValidationError,
            LookupError,
            TypeError,
            ValueError,
            AttributeError,
        ):
            logger.warning(
                "Version %s of page %s cannot be shown", version.number, self.pk, exc_info=True
            )
            raise Http404("This version of the page can no longer be shown") from None
        return shown
