"""Demo content shared by every app's demo module: organisation settings and small helpers for
writing rich text and stream values. Loaded by `manage.py load_demo_content`.

Facts come from the seed DPIAs (../shared/seeds); the wording is ours. Whatever the seeds do not
give is marked as illustrative in the record's editors-only `internal_note`, which the public never
sees. Every loader creates only what is missing, so running it again changes nothing and
duplicates nothing.
"""

from trusthub.core.models import OrganisationSettings


def p(*paragraphs):
    """Rich text: one <p> per argument."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    """Rich text: a bulleted list."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def stream(block_type, *values):
    """A StreamField value: one `block_type` block per value."""
    return [(block_type, value) for value in values]


ORGANISATION = {
    "organisation_name": "Juniper Education",
    "legal_name": "Juniper Education Services Ltd",
    "website": "https://www.junipereducation.org",
    "dpo_name": "Group Data Protection Officer",
    "dpo_email": "DPO@junipereducation.org",
    "notice_period_days": 30,
    # ILLUSTRATIVE: the seeds give no postal address and no ICO registration number. These are
    # placeholders in the right shape, so the footer looks as it will in production. ZA000000
    # is not a real register entry (a made-up ZA number could belong to someone else), and the
    # postcode AB1 2CD is not a postcode in use. Replace both before going live (see
    # internal_note).
    "dpo_postal_address": "Juniper Education Services Ltd\n1 Example Street\nAnytown\nAB1 2CD",
    "ico_registration_number": "ZA000000",
    # The seeds name no separate security mailbox: every contact they give is the DPO's.
    "security_contact_email": "DPO@junipereducation.org",
    "internal_note": (
        "Illustrative demo data: the ICO registration number (ZA000000) and the postal address "
        "(1 Example Street, Anytown, AB1 2CD) are not in the seed DPIAs. Replace them with our "
        "entry in the ICO register of fee payers and the DPO's real postal address before going "
        "live. The security contact is the DPO address, the only contact the seeds give. "
        "Change it if we have a dedicated security mailbox."
    ),
}


def ensure_settings():
    """Create the organisation settings unless they exist. Returns whether it created them."""
    if OrganisationSettings.objects.exists():
        return False
    settings = OrganisationSettings(**ORGANISATION)
    settings.full_clean()  # the demo values pass the same checks as an editor's
    settings.save()
    return True
