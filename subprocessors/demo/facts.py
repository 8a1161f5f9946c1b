"""Dates and wording the demo register and notices share (from the seed DPIAs)."""

import datetime

PP, MIS, PA, CH = "pupil-progress", "juniper-mis", "pupil-asset", "communications-hub"
PP_SINCE = datetime.date(2025, 7, 4)
MIS_SINCE = datetime.date(2024, 6, 4)
CH_SINCE = datetime.date(2025, 11, 25)

PUPILS_STAFF = "Pupils; school staff users"
SUPPORT_DATA = (
    "Names and business contact details of school staff users; the content of support requests"
)
STAFF_USERS = "School staff users"
ILLUSTRATIVE = "Illustrative demo data, not from the seed DPIAs: "


def use(purpose, start_date=None, data_subjects=None):
    """A product's use of an entry where its start date or data subjects differ from the
    entry's defaults (`start_date`, `data_subjects` in the spec)."""
    return {"purpose": purpose, "start_date": start_date, "data_subjects": data_subjects}
