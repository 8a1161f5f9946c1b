"""Demo retention pages: each product's stages (/products/<product>/retention/).

Facts come from the seed DPIAs (../shared/seeds); the wording is ours. Whatever the seeds do not
give is marked as illustrative in the record's editors-only `internal_note`, which the public never
sees.
"""

import datetime

from trusthub.core.demo import p


def window(start, end, by_end_of):
    """A seasonal window: start and end are (day, month); by_end_of is a month number."""
    return {
        "start_day": start[0],
        "start_month": str(start[1]),
        "end_day": end[0],
        "end_month": str(end[1]),
        "by_end_of": str(by_end_of),
    }


# Retention rules, from the seed DPIAs: Pupil Progress (000) has a seasonal rule; Juniper MIS,
# Pupil Asset (001) and Communications Hub (004) destroy data 30 days after the contract ends.
RETENTION = {
    "pupil-progress": {
        "intro": p(
            "When your Pupil Progress subscription or trial licence runs out, the data on the "
            "Pupil Progress platform goes through three stages: first your staff lose access, "
            "then the data is deleted from the live platform at a set point in the school year, "
            "and finally the last backup copy expires. Enter the date your subscription ended to "
            "see the exact dates.",
            # Seed 000 line 250: Juniper's own customer data, as distinct from the platform data.
            "<b>Our own records about your school as a customer.</b> Separately from the "
            "platform, we hold data about your school as our customer: what we need to give "
            "your staff access to Pupil Progress and to set your school up and support it. We "
            "keep an existing customer's data for 8 years. When a customer's subscription ends, "
            "we delete all of its customer data within 90 days.",
        ),
        "stages": [
            (
                "offset",
                {
                    "key": "access-revoked",
                    "label": "Access revoked",
                    "description": "Nobody at your school can sign in to the live platform any "
                    "more. The data is still held securely until it is deleted.",
                    "amount": 90,
                    "unit": "days",
                    "from_stage": "",
                },
            ),
            (
                "seasonal",
                {
                    "key": "live-data-deleted",
                    "label": "Live data deleted",
                    "description": "We securely delete your school's data from the live "
                    "platform, in one of two deletion runs each year.",
                    "windows": [window((1, 9), (31, 3), 8), window((1, 4), (31, 8), 1)],
                    "from_stage": "",
                },
            ),
            (
                "offset",
                {
                    "key": "backups-gone",
                    "label": "Backups gone",
                    "description": "Our rolling backup keeps each copy for 90 days, so after "
                    "this date no copy of your school's data remains.",
                    "amount": 90,
                    "unit": "days",
                    "from_stage": "live-data-deleted",
                },
            ),
        ],
        "export_notes": p(
            "You can download a complete copy of all the personal data your school holds in "
            "Pupil Progress. Do it before your subscription ends: once access is revoked, nobody "
            "at your school can sign in to download it. Our Data Protection Officer can help."
        ),
        "erasure_notes": p(
            "You do not have to wait for the dates above. If your school asks us to, we will "
            "erase its data without undue delay, which generally means within about a month of "
            "the request (UK GDPR Articles 17 and 19). Send the request to our Data Protection "
            "Officer."
        ),
        "certificate_notes": p(
            "If you ask, we will confirm in writing that all of your school's personal data in "
            "Pupil Progress has been completely deleted, in line with the right to erasure."
        ),
        "last_reviewed": datetime.date(2025, 7, 4),
        "internal_note": (
            "Every rule on this page comes from seed 000 (lines 250-262). The customer-record "
            "rule ('Juniper processes existing customer data for 8 years and will delete all "
            "terminating customer data within 90 days') is in the intro, because the stages "
            "count only from the end date and the 8 years does not. The DPIA does not say what "
            "the 8 years counts from or what exactly 'customer data' includes. Our reading is "
            "Juniper's own account and support records, as opposed to the platform data. "
            "Confirm with the DPO."
        ),
    },
}

# Seed 001 (lines 318, 324) has automated point-in-time backups that follow "AWS best-practice
# retention" but gives no backup retention period; seed 004 says nothing about backups. So no
# page claims a date by which backup copies are gone.
BACKUPS = {
    "mis": (
        "We keep automated point-in-time backups so that data can be restored after an incident. "
        "They follow AWS good practice for retention and integrity checks. Our DPIA does not "
        "state how long a backup copy is kept, so copies of your school's data may remain in "
        "these backups for a time after the date above. Ask our Data Protection Officer for "
        "the backup retention period."
    ),
    "ch": (
        "Our DPIA for Communications Hub does not describe backups or say how long backup "
        "copies are kept, so we cannot give you a date by which no backup copy remains. Ask "
        "our Data Protection Officer."
    ),
}
STAGE_BACKUPS = {  # also in timeline.json and the calendar file, so it must stand alone
    "mis": "This date does not cover copies in our automated backups, which are kept for a "
    "period our DPIA does not state.",
    "ch": "This date does not cover backup copies: our DPIA for Communications Hub does not say "
    "how long they are kept.",
}
BACKUP_NOTES = {
    "mis": (
        "Illustrative demo data: seed 001 gives the 30-day rule (line 300) and automated "
        "point-in-time backups that follow 'AWS best-practice retention' (lines 318, 324), but "
        "no backup retention period. Add the real period (for example the RDS backup retention "
        "setting) and then a 'Backups gone' stage counted from 'data-destroyed'."
    ),
    "ch": (
        "Illustrative demo data: seed 004 gives the 30-day rule (line 278) and nothing about "
        "backups. Find out whether Communications Hub has backups and how long they are kept, "
        "then state it here (and add a 'Backups gone' stage if there is a fixed period)."
    ),
}
for _slug, _date, _backups in [
    ("juniper-mis", datetime.date(2024, 6, 4), "mis"),
    ("pupil-asset", datetime.date(2024, 6, 4), "mis"),
    ("communications-hub", datetime.date(2025, 11, 25), "ch"),
]:
    RETENTION[_slug] = {
        "intro": p(
            "We keep your school's data for as long as the contract lasts. When the contract "
            "ends, we destroy the data 30 days later. Enter the date your contract ended to see "
            "the exact date.",
            "<b>Backups.</b> " + BACKUPS[_backups],
        ),
        "stages": [
            (
                "offset",
                {
                    "key": "data-destroyed",
                    "label": "Data destroyed",
                    "description": "We destroy your school's data in the service. "
                    + STAGE_BACKUPS[_backups],
                    "amount": 30,
                    "unit": "days",
                    "from_stage": "",
                },
            )
        ],
        "last_reviewed": _date,
        "internal_note": BACKUP_NOTES[_backups],
    }
