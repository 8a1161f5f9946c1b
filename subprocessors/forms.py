"""Admin forms and panels for register entries and change notices.

The entry form keeps the promise at the moment of publishing: a publication (or a DPO's
approval) that would make an unannounced product use or country live is refused with a link
to the drafted change notice, unless the DPO ticks "urgent change without prior notice" and
gives a reason (recorded on that notice, which then goes live with the change).
"""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
)

from .changes import approve_urgently, notice_for_pending_change, waiting_notice

PUBLISH_ENTRY = "subprocessors.publish_subprocessor"


def is_publishing(data, user):
    """Whether the submitted admin form publishes (or approves for publishing). Without the
    publish permission, Wagtail saves a "publish" as a draft."""
    if data.get("action-publish"):
        return user is not None and user.has_perm(PUBLISH_ENTRY)
    return bool(data.get("action-workflow-action")) and (
        data.get("workflow-action-name") == "approve"
    )


def notice_edit_url(notice):
    return reverse(notice.snippet_viewset.get_url_name("edit"), args=[notice.pk])


class SubprocessorForm(WagtailAdminModelForm):
    """Validation that spans the entry and its per-product uses, and the notice rule."""

    urgent_change = forms.BooleanField(
        label=gettext_lazy("Urgent change without prior notice"),
        required=False,
        help_text=gettext_lazy(
            "Only for an emergency (for example replacing a failed supplier) that our "
            "processing contracts allow us to announce as soon as possible. The change notice "
            "goes live with it and shows your reason; your approval is logged."
        ),
    )
    urgent_reason = forms.CharField(
        label=gettext_lazy("Why it cannot wait"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown to schools on the change notice."),
    )

    def clean(self):
        cleaned = super().clean()
        uses = self._uses()
        if uses is None:
            return cleaned
        if not uses:
            self.add_error(None, _("Add at least one product that uses this recipient."))
            return cleaned
        end = cleaned.get("end_date")
        for form in uses:
            start = form.cleaned_data.get("start_date")
            if end and start and end < start:
                form.add_error("start_date", _("This is after the entry's end date (stopped on)."))
        if is_publishing(self.data, self.for_user) and not self.errors:
            self._check_announced(cleaned, uses)
        return cleaned

    def _uses(self):
        """The product-use forms kept, or None when they have errors of their own."""
        formset = self.formsets.get("uses")
        if formset is None or any(form.errors for form in formset.forms):
            return None
        kept, seen = [], set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("product") is None:
                continue
            product = data["product"]
            if product.pk in seen:
                form.add_error(
                    "product",
                    _(
                        "%(product)s is already listed above. Give each product once, with all "
                        "its purposes in one entry."
                    )
                    % {"product": product.title},
                )
            seen.add(product.pk)
            kept.append(form)
        return kept

    def _proposed_state(self, cleaned, uses):
        end = cleaned.get("end_date")
        rows = [form.cleaned_data for form in uses]
        return {
            "name": cleaned.get("name") or "",
            "countries": sorted(str(code) for code in cleaned.get("countries") or []),
            "transfer_safeguard": cleaned.get("transfer_safeguard"),
            "end_date": end.isoformat() if end else None,
            "uses": {str(row["product"].pk): row["purpose"] for row in rows},
            "products": {str(row["product"].pk): row["product"].title for row in rows},
            "starts": {
                str(row["product"].pk): row["start_date"].isoformat()
                for row in rows
                if row.get("start_date")
            },
        }

    def _check_announced(self, cleaned, uses):
        state = self._proposed_state(cleaned, uses)
        go_live = cleaned.get("go_live_at")
        today = timezone.localdate()
        day = max(timezone.localdate(go_live), today) if go_live else today
        problems = self.instance.unannounced_additions(state, day)
        if not problems:
            return
        if cleaned.get("urgent_change"):
            if not (cleaned.get("urgent_reason") or "").strip():
                self.add_error(
                    "urgent_reason", _("Say why this change cannot wait for the notice.")
                )
            else:
                self.urgent_state = state
            return
        sentences = self.instance.describe_unannounced(problems)
        if self.instance.pk:
            notice_for_pending_change(self.instance, state)
            then = _(
                "Publish the change notice drafted for it (linked under 'Announcement' below); "
                "the change can then go live on or after its effective date."
            )
        else:
            then = _(
                "Save this entry as a draft first: a change notice announcing it is then "
                "drafted for the DPO to publish."
            )
        self.add_error(
            None,
            " ".join([_("Schools must be told before this goes live."), *sentences, then]),
        )

    def save(self, commit=True):
        entry = super().save(commit=commit)
        state = getattr(self, "urgent_state", None)
        # A live entry's edit saves a revision only (commit=False), but it has its pk.
        if state is not None and entry.pk:
            approve_urgently(
                entry, self.for_user, self.cleaned_data["urgent_reason"].strip(), state
            )
        return entry


class ChangeNoticeForm(WagtailAdminModelForm):
    """Checks that need the form's many-to-many choices."""

    def clean(self):
        cleaned = super().clean()
        all_products = cleaned.get("all_products")
        products = cleaned.get("products")
        if "products" in self.fields and not all_products and not products:
            self.add_error(
                "products",
                _("Choose the products this change affects, or tick 'affects all products'."),
            )
        if "products" in self.fields and all_products and products:
            self.add_error(
                "products",
                _("You ticked 'affects all products': leave the product list empty, or untick it."),
            )
        if "subprocessors" in self.fields and not cleaned.get("subprocessors"):
            self.add_error(
                "subprocessors",
                _(
                    "Choose the register entries this change concerns (add a new entry to the "
                    "register first, as a draft, if it is a new sub-processor)."
                ),
            )
        return cleaned


class AnnouncementPanel(Panel):
    """Whether the entry's pending change is announced yet, with a link to its drafted
    change notice."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "subprocessors/admin/announcement_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            entry = self.instance
            if entry is None or not entry.pk:
                return context
            latest = entry.get_latest_revision_as_object()
            problems = latest.unannounced_additions()
            notice = waiting_notice(entry)
            context.update(
                problems=latest.describe_unannounced(problems)
                if problems and latest.urgent_override() is None
                else [],
                pending=latest.pending_additions(),
                notice=notice,
                notice_url=notice_edit_url(notice) if notice else "",
            )
            return context


ENTRY_EDIT_HANDLER = ObjectList(
    [
        AnnouncementPanel(heading=gettext_lazy("Announcement")),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("legal_entity"),
                FieldPanel("recipient_type"),
                FieldPanel("role_note"),
                FieldPanel("description"),
            ],
            heading=pgettext_lazy("admin panel: who the recipient is", "Who"),
        ),
        InlinePanel(
            "uses",
            heading=gettext_lazy("Products, purposes and dates"),
            label=gettext_lazy("Product"),
            help_text=gettext_lazy(
                "One row per product that shares data with this recipient: what they do for "
                "it, since when (a future date shows as upcoming) and whose data."
            ),
            min_num=1,
        ),
        MultiFieldPanel(
            [FieldPanel("countries"), FieldPanel("transfer_safeguard")],
            heading=pgettext_lazy("admin panel: where data is processed", "Where"),
        ),
        FieldPanel("data_categories"),
        FieldPanel("privacy_notice_url"),
        FieldPanel("end_date"),
        FieldPanel("internal_note"),
        MultiFieldPanel(
            [FieldPanel("urgent_change"), FieldPanel("urgent_reason")],
            heading=gettext_lazy("Urgent change (DPO only)"),
            permission=PUBLISH_ENTRY,
        ),
    ],
    base_form_class=SubprocessorForm,
)

NOTICE_EDIT_HANDLER = ObjectList(
    [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel(
            "subprocessors",
            heading=gettext_lazy("Sub-processors"),
            widget=forms.CheckboxSelectMultiple,
        ),
        MultiFieldPanel(
            [
                FieldPanel("all_products"),
                FieldPanel("products", widget=forms.CheckboxSelectMultiple),
            ],
            heading=gettext_lazy("Products"),
        ),
        FieldPanel("summary"),
        FieldPanel("details"),
        FieldRowPanel(
            [FieldPanel("effective_date"), FieldPanel("objection_deadline")],
            heading=gettext_lazy("Dates"),
            help_text=gettext_lazy(
                "The notice date is the day this notice is published (or its scheduled go-live "
                "day): schools are told then."
            ),
        ),
        FieldPanel("internal_note"),
    ],
    base_form_class=ChangeNoticeForm,
)
