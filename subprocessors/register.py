"""Reading the public register: filters from the query string, and the live rows they select.

Every public output (HTML register, product pages, CSV, JSON) goes through here, so they always
agree and never see a draft.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from products.models import ProductPage

from .models import (
    RecipientType,
    Status,
    Subprocessor,
    SubprocessorUse,
    register_last_changed,
    today,
)

TYPE_FILTERS = {
    "subprocessor": [RecipientType.SUBPROCESSOR],
    "other": [RecipientType.CONTROLLER, RecipientType.ON_INSTRUCTION],
}
MAX_PRODUCT_FILTERS = 20


@dataclass
class RegisterFilter:
    products: list = field(default_factory=list)  # live ProductPage objects
    recipient_type: str = ""  # "", "subprocessor" or "other"
    errors: list = field(default_factory=list)
    all_products: list = field(default_factory=list)

    @property
    def product_slugs(self):
        return [p.slug for p in self.products]

    @classmethod
    def from_query(cls, query):
        all_products = list(
            ProductPage.objects.live().public().order_by("path").only("id", "title", "slug", "path")
        )
        by_slug = {p.slug: p for p in all_products}
        selected, errors = [], []
        raw = [s.strip() for s in query.getlist("product") if s.strip()][:MAX_PRODUCT_FILTERS]
        for slug in dict.fromkeys(raw):
            if slug in by_slug:
                selected.append(by_slug[slug])
            else:
                errors.append(f"There is no product called “{slug[:60]}”. Showing the others.")
        recipient_type = query.get("type", "").strip()
        if recipient_type and recipient_type not in TYPE_FILTERS:
            errors.append("Unknown recipient type: showing all recipients.")
            recipient_type = ""
        return cls(selected, recipient_type, errors, all_products)

    def entries(self):
        """Live entries matching the filter, each with `.uses` for the selected products."""
        uses = SubprocessorUse.objects.filter(product__live=True).select_related("product")
        qs = Subprocessor.objects.filter(live=True)
        if self.products:
            ids = [p.pk for p in self.products]
            uses = uses.filter(product_id__in=ids)
            qs = qs.filter(uses__product_id__in=ids).distinct()
        if self.recipient_type:
            qs = qs.filter(recipient_type__in=TYPE_FILTERS[self.recipient_type])
        uses = uses.order_by("product__path")
        return list(
            qs.prefetch_related(Prefetch("uses", queryset=uses, to_attr="public_uses")).order_by(
                "name", "pk"
            )
        )


def split_by_status(entries, day=None):
    day = day or today()
    groups = {Status.CURRENT: [], Status.UPCOMING: [], Status.FORMER: []}
    for entry in entries:
        groups[entry.status_on(day)].append(entry)
    groups[Status.UPCOMING].sort(key=lambda e: (e.start_date, e.name))
    groups[Status.FORMER].sort(key=lambda e: (e.end_date, e.name), reverse=True)
    return groups


def entries_for_product(product):
    """Live entries used by one product (its own table on the product page)."""
    return RegisterFilter(products=[product]).entries()


def to_record(entry, day=None):
    """The public, machine-readable form of one entry (CSV and JSON share it)."""
    day = day or today()
    return {
        "id": entry.public_id,
        "name": entry.name,
        "legal_entity": entry.legal_entity,
        "recipient_type": entry.recipient_type,
        "recipient_type_label": entry.get_recipient_type_display(),
        "is_subprocessor": entry.is_subprocessor,
        "status": entry.status_on(day).value,
        "description": entry.description,
        "products": [
            {"slug": use.product.slug, "name": use.product.title, "purpose": use.purpose}
            for use in entry.public_uses
        ],
        "countries": [{"code": c.code, "name": c.name} for c in entry.countries],
        "restricted_transfer": entry.is_restricted_transfer,
        "transfer_safeguard": entry.transfer_safeguard,
        "transfer_safeguard_label": entry.get_transfer_safeguard_display(),
        "data_categories": entry.data_categories,
        "data_subjects": entry.data_subjects,
        "privacy_notice_url": entry.privacy_notice_url,
        "start_date": entry.start_date.isoformat(),
        "end_date": entry.end_date.isoformat() if entry.end_date else None,
        "last_published_at": entry.last_published_at.isoformat()
        if entry.last_published_at
        else None,
    }


__all__ = [
    "RegisterFilter",
    "split_by_status",
    "entries_for_product",
    "to_record",
    "register_last_changed",
]
