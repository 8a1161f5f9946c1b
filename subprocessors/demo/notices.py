"""Demo change notices: past ones with fixed dates, and one upcoming notice (Intercom's move to
the UK) inside its objection window, with the register change it announces scheduled."""

import datetime

from django.utils import timezone

from products.models import ProductPage

from ..models import ChangeKind, ChangeNotice, Subprocessor
from ..models import TransferSafeguard as TS
from .facts import CH, CH_SINCE, ILLUSTRATIVE, PP, PP_SINCE

INTERCOM_MOVE = "Intercom to hold Pupil Progress support conversations in the UK"


def _notices():
    """Past notices with fixed dates, and one upcoming notice inside its objection window."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    return [
        {
            "kind": ChangeKind.ADDITION,
            "title": "Thinkific to host the Pupil Progress Academy",
            "subprocessors": ["Thinkific"],
            "products": [PP],
            "summary": "We will use Thinkific, based in Canada, to host the Pupil Progress "
            "Academy, our online training for school staff. Canada has UK adequacy "
            "regulations, so no extra transfer safeguard is needed.",
            "notice_date": datetime.date(2025, 6, 2),
            "effective_date": PP_SINCE,
            "objection_deadline": datetime.date(2025, 6, 27),
        },
        {
            "kind": ChangeKind.ADDITION,
            "title": "Twilio to send SMS messages for Communications Hub",
            "subprocessors": ["Twilio"],
            "products": [CH],
            "summary": "Communications Hub will send SMS text messages through Twilio. Parents' "
            "mobile numbers and message text are processed in the USA under the UK–US data "
            "bridge.",
            "notice_date": datetime.date(2025, 10, 20),
            "effective_date": CH_SINCE,
            "objection_deadline": datetime.date(2025, 11, 17),
        },
        {
            "kind": ChangeKind.ADDITION,
            "title": "Amazon Simple Email Service to send email for Communications Hub",
            "subprocessors": ["Amazon Simple Email Service"],
            "products": [CH],
            "summary": "Communications Hub will send email through Amazon Simple Email Service "
            "in the UK.",
            "notice_date": datetime.date(2025, 10, 20),
            "effective_date": CH_SINCE,
            "objection_deadline": datetime.date(2025, 11, 17),
        },
        {
            "kind": ChangeKind.LOCATION,
            "title": INTERCOM_MOVE,
            "subprocessors": ["Intercom"],
            "products": [PP],
            "summary": "Intercom will move the support conversations of Pupil Progress users "
            "from its EU data centres to its UK hosting. Processing in the UK is not a "
            "restricted transfer.",
            "notice_date": today - 5 * day,
            "effective_date": today + 30 * day,
            "objection_deadline": today + 23 * day,
        },
    ]


def ensure_notices():
    """Create and publish missing demo notices, as published on their notice dates. Returns
    how many were created."""
    products = {p.slug: p for p in ProductPage.objects.filter(locale__language_code="en-gb")}
    created = 0
    for spec in _notices():
        if ChangeNotice.objects.filter(title=spec["title"]).exists():
            continue
        fields = {k: v for k, v in spec.items() if k not in ("subprocessors", "products")}
        published = timezone.make_aware(
            datetime.datetime.combine(fields.pop("notice_date"), datetime.time(9, 0))
        )
        notice = ChangeNotice(
            **fields,
            live=False,
            first_published_at=published,
            internal_note=ILLUSTRATIVE + "the seeds record no change notices; this notice, "
            "its wording and its dates are examples.",
        )
        notice.full_clean(exclude=["subprocessors", "products"])
        notice.save()
        notice.subprocessors.set(
            Subprocessor.objects.originals().filter(name__in=spec["subprocessors"])
        )
        notice.products.set([products[s] for s in spec["products"] if s in products])
        notice.save()
        notice.save_revision().publish()
        ChangeNotice.objects.filter(pk=notice.pk).update(last_published_at=published)
        if spec["title"] == INTERCOM_MOVE:
            schedule_intercom_move(notice.effective_date)
        created += 1
    return created


def schedule_intercom_move(effective_date):
    """The register change the upcoming notice announces, scheduled for its effective day:
    `publish_scheduled` makes it live then, with no one touching it."""
    entry = Subprocessor.objects.originals().get(name="Intercom")
    entry.countries = ["GB"]
    entry.transfer_safeguard = TS.NOT_RESTRICTED
    entry.go_live_at = timezone.make_aware(
        datetime.datetime.combine(effective_date, datetime.time(0, 5))
    )
    entry.save_revision().publish()
