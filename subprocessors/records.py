"""The public, machine-readable form of a register entry (`to_record`): what the CSV and JSON
exports carry, and what `history.register_at` gives for a past day. One shape for both, so a
past register and the live one can be compared, exported and printed alike."""

from .models import today


def to_record(entry, day=None):
    """The public, machine-readable form of one entry from `RegisterFilter.entries()` (or
    `history.entries_at()`), with its status on `day` (default today).

    CSV and JSON share it; it carries every field the HTML table shows.
    """
    day = day or today()
    return {
        "id": entry.public_id,
        "name": entry.name,
        "legal_entity": entry.legal_entity,
        "recipient_type": entry.recipient_type,
        "recipient_type_label": entry.recipient_type_label,
        "is_subprocessor": entry.is_subprocessor,
        "status": entry.status_on(day).value,
        "description": entry.description,
        "products": [
            {
                "slug": use.product_slug,
                "name": use.product_title,
                "purpose": use.purpose,
                "start_date": use.start_date.isoformat(),
                "data_subjects": use.data_subjects,
            }
            for use in entry.public_uses
        ],
        "countries": [dict(country) for country in entry.public_countries],
        "restricted_transfer": entry.is_restricted_transfer,
        "transfer_safeguard": entry.transfer_safeguard,
        "transfer_safeguard_label": entry.transfer_safeguard_label,
        "data_categories": entry.data_categories,
        "data_subjects": entry.data_subjects,
        "role_note": entry.role_note,
        "privacy_notice_url": entry.privacy_notice_url,
        "start_date": entry.start_date.isoformat() if entry.start_date else None,
        "end_date": entry.end_date.isoformat() if entry.end_date else None,
        "last_published_at": entry.last_published_at.isoformat()
        if entry.last_published_at
        else None,
    }
