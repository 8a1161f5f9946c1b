"""The register and change log grown to benchmark size (`make bench`): published entries and
notices written in bulk, as the DPO's approval leaves them. Import after django.setup()."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Subprocessor, SubprocessorUse


def grow_register(total):
    """Published entries, as the DPO's approval leaves them, until the register has `total`."""
    locale = Locale.get_default()
    products = list(ProductPage.objects.live().filter(locale=locale))
    now = timezone.now()
    missing = total - Subprocessor.objects.originals().filter(live=True).count()
    entries = Subprocessor.objects.bulk_create(
        Subprocessor(
            name=f"Benchmark supplier {i:04d}",
            legal_entity=f"Benchmark Supplier {i:04d} Ltd",
            description="Hosts a benchmark workload.",
            countries=["GB", "IE"] if i % 2 else ["GB"],
            transfer_safeguard="uk_adequacy" if i % 2 else "not_restricted",
            data_categories="Pupil names; attendance",
            privacy_notice_url="https://example.org/privacy",
            end_date=datetime.date(2026, 1, 1) if i % 10 == 0 else None,
            live=True,
            locale=locale,
            first_published_at=now,
            last_published_at=now,
        )
        for i in range(max(missing, 0))
    )
    SubprocessorUse.objects.bulk_create(
        SubprocessorUse(
            locale=locale,
            subprocessor=e,
            product=p,
            purpose=f"Benchmark purpose for {p.title}",
            start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 900),
            data_subjects="Pupils; staff",
        )
        for i, e in enumerate(entries)
        for p in products[: 1 + i % len(products)]
    )


def grow_notices(total):
    locale = Locale.get_default()
    products = list(ProductPage.objects.live().filter(locale=locale))
    suppliers = list(Subprocessor.objects.originals().filter(live=True)[:3])
    now = timezone.now()
    missing = total - ChangeNotice.objects.originals().filter(live=True).count()
    notices = ChangeNotice.objects.bulk_create(
        ChangeNotice(
            kind="purpose",
            title=f"Benchmark notice {i:04d}",
            summary="A benchmark change to a purpose.",
            details="<p>Details of the change.</p>",
            notice_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 2000),
            effective_date=datetime.date(2020, 3, 1) + datetime.timedelta(days=i % 2000),
            objection_deadline=datetime.date(2020, 2, 28) + datetime.timedelta(days=i % 2000),
            all_products=i % 5 == 0,
            live=True,
            locale=locale,
            first_published_at=now,
            last_published_at=now,
        )
        for i in range(max(missing, 0))
    )
    through_p = ChangeNotice.products.through
    through_s = ChangeNotice.subprocessors.through
    through_p.objects.bulk_create(
        through_p(changenotice=n, productpage=p) for n in notices for p in products[:2]
    )
    through_s.objects.bulk_create(
        through_s(changenotice=n, subprocessor=s) for n in notices for s in suppliers
    )
