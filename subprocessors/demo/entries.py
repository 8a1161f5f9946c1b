"""Demo register entries: every recipient in the three seed DPIAs' sharing tables, and those
the Juniper MIS DPIA names in its security section, linked to products.

Published as known history (announced by the demo notices), with an internal note saying which
facts are illustrative. Created only when no entry of that name exists.
"""

from products.models import ProductPage

from ..models import RecipientType as RT
from ..models import Subprocessor, SubprocessorUse
from ..models import TransferSafeguard as TS
from .facts import (
    CH,
    CH_SINCE,
    ILLUSTRATIVE,
    MIS,
    MIS_SINCE,
    PA,
    PP,
    PP_SINCE,
    PUPILS_STAFF,
    STAFF_USERS,
    SUPPORT_DATA,
    use,
)
from .security_recipients import SECURITY_RECIPIENTS

ENTRIES = [
    {
        "name": "Pupil Progress",
        "legal_entity": "",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Develops, hosts and supports the Pupil Progress application that we resell.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "Pupil names and identifiers, attainment and progress data, pupil "
        "characteristics the school exports, staff user details",
        "data_subjects": PUPILS_STAFF,
        "privacy_notice_url": "",
        "start_date": PP_SINCE,
        "uses": {PP: "Provides the pupil progress tracking application"},
    },
    {
        "name": "Groupcall Exporter",
        "legal_entity": "Groupcall Ltd",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Extracts data from the school's MIS and transfers it to the application.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "Pupil and staff records exported from the school's MIS",
        "data_subjects": PUPILS_STAFF,
        "privacy_notice_url": "",
        "start_date": PP_SINCE,
        "uses": {PP: "Transfers data from the school's MIS to Pupil Progress"},
    },
    {
        "name": "Amazon Web Services",
        "legal_entity": "Amazon Web Services EMEA SARL",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Cloud hosting: servers, databases, storage and networking in UK data "
        "centres.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "All data held in the product (stored encrypted)",
        "data_subjects": "Pupils; parents and carers; staff",
        "privacy_notice_url": "https://docs.aws.amazon.com/whitepapers/latest/"
        "navigating-gdpr-compliance/aws-data-processing-addendum-dpa.html",
        "start_date": MIS_SINCE,
        "uses": {
            PP: use("Hosts the Pupil Progress application", PP_SINCE, PUPILS_STAFF),
            MIS: "Hosts Juniper MIS and our migration tooling",
            PA: "Hosts Pupil Asset",
            CH: use("Hosts Communications Hub", CH_SINCE),
        },
    },
    {
        "name": "FRAM",
        "legal_entity": "",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Software development and technical support for Pupil Progress.",
        "countries": ["EU"],
        "transfer_safeguard": TS.UK_ADEQUACY,
        "data_categories": "Application data, accessed only when needed for development and "
        "support",
        "data_subjects": PUPILS_STAFF,
        "privacy_notice_url": "",
        "start_date": PP_SINCE,
        "uses": {PP: "Develops and supports Pupil Progress"},
    },
    {
        "name": "Google",
        "legal_entity": "Google Ireland Limited",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Email and communication services.",
        "countries": ["EU"],
        "transfer_safeguard": TS.UK_ADEQUACY,
        "data_categories": "Names, email addresses and the content of messages",
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "https://policies.google.com/privacy?hl=en",
        "start_date": PP_SINCE,
        "uses": {PP: "Sends and handles communications from the Pupil Progress app"},
    },
    {
        "name": "HubSpot",
        "legal_entity": "HubSpot Ireland Limited",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Customer relationship management.",
        "countries": ["EU"],
        "transfer_safeguard": TS.UK_ADEQUACY,
        "data_categories": "Names and business contact details of school contacts",
        "data_subjects": "School staff who are our customer contacts",
        "privacy_notice_url": "https://legal.hubspot.com/",
        "start_date": PP_SINCE,
        "uses": {PP: "Records Pupil Progress customer information"},
    },
    {
        "name": "Product Fruits",
        "legal_entity": "",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "In-app onboarding guides and help.",
        "countries": ["EU"],
        "transfer_safeguard": TS.UK_ADEQUACY,
        "data_categories": "Staff user identifiers and how they use in-app guides",
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "https://productfruits.com/docs/",
        "start_date": PP_SINCE,
        "uses": {PP: "In-app support for Pupil Progress users"},
    },
    {
        "name": "Intercom",
        "legal_entity": "Intercom R&D Unlimited Company",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Customer support chat and help centre.",
        "countries": ["EU"],
        "transfer_safeguard": TS.UK_ADEQUACY,
        "data_categories": SUPPORT_DATA,
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "https://www.intercom.com/legal/data-processing-agreement",
        "start_date": PP_SINCE,
        "uses": {PP: "Support chat for Pupil Progress users"},
    },
    {
        "name": "Loom",
        "legal_entity": "Loom, Inc.",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Recorded video walkthroughs for support.",
        "countries": ["US"],
        "transfer_safeguard": TS.UK_ADDENDUM,
        "data_categories": SUPPORT_DATA,
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "https://support.loom.com/hc/en-us/articles/"
        "360002228758-GDPR-compliance",
        "start_date": PP_SINCE,
        "uses": {PP: "Video support for Pupil Progress users"},
    },
    {
        "name": "Typeform",
        "legal_entity": "Typeform SL",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Online forms and surveys for support and feedback.",
        "countries": ["EU"],
        "transfer_safeguard": TS.UK_ADEQUACY,
        "data_categories": "Names, business email addresses and form answers",
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "",
        "start_date": PP_SINCE,
        "uses": {PP: "Support and feedback forms for Pupil Progress"},
    },
    {
        "name": "Thinkific",
        "legal_entity": "Thinkific Labs Inc.",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Online learning platform hosting our training academy.",
        "countries": ["CA"],
        "transfer_safeguard": TS.UK_ADEQUACY,
        "data_categories": "Names, business email addresses and course progress of staff "
        "who take training",
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "https://www.thinkific.com/dpa/",
        "start_date": PP_SINCE,
        "uses": {PP: "Hosts the Pupil Progress Academy for support"},
    },
    {
        "name": "Department for Education (DfE)",
        "legal_entity": "Department for Education",
        "recipient_type": RT.CONTROLLER,
        "description": "Receives the statutory returns schools must make, such as the school "
        "census, as a controller in its own right.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "The data items each statutory return requires",
        "data_subjects": "Pupils; staff",
        "privacy_notice_url": "https://www.gov.uk/government/publications/"
        "privacy-information-education-providers-workforce-including-teachers",
        "start_date": MIS_SINCE,
        "uses": {
            MIS: "Statutory returns submitted by the school",
            PA: "Statutory returns submitted by the school",
            CH: use("Statutory returns submitted by the school", CH_SINCE),
        },
    },
    {
        "name": "Wonde",
        "legal_entity": "Wonde Ltd",
        "recipient_type": RT.ON_INSTRUCTION,
        "description": "Data integration platform. Shares the school's data with the apps the "
        "school chooses, on the school's instruction.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "The data sets the school authorises for each integration",
        "data_subjects": "Pupils; parents and carers; staff",
        "privacy_notice_url": "https://www.wonde.com/privacy-policy",
        "start_date": MIS_SINCE,
        "uses": {
            MIS: "Data sharing and statutory data flows the school sets up",
            PA: "Data sharing and statutory data flows the school sets up",
            CH: use("Brings contact data from a school's own MIS", CH_SINCE),
        },
    },
    # Named in the Juniper MIS / Pupil Asset DPIA's security section (seed 001): see
    # security_recipients.py.
    *SECURITY_RECIPIENTS,
    {
        "name": "Twilio",
        "legal_entity": "Twilio Inc.",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Sends SMS text messages.",
        "countries": ["US"],
        "transfer_safeguard": TS.UK_US_DATA_BRIDGE,
        "data_categories": "Recipients' mobile numbers and the text of messages",
        "data_subjects": "Parents and carers; staff",
        "privacy_notice_url": "https://www.twilio.com/en-us/legal/privacy",
        "start_date": CH_SINCE,
        "uses": {CH: "Sends SMS messages to parents and carers"},
    },
    {
        "name": "Amazon Simple Email Service",
        "legal_entity": "Amazon Web Services EMEA SARL",
        "recipient_type": RT.SUBPROCESSOR,
        "description": "Sends email on our behalf.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "Recipients' email addresses and the content of emails",
        "data_subjects": "Parents and carers; staff",
        "privacy_notice_url": "https://aws.amazon.com/privacy/",
        "start_date": CH_SINCE,
        "uses": {CH: "Sends emails to parents and carers"},
    },
]


SPEC_ONLY = ("uses", "start_date", "data_subjects")


def _use(spec, how):
    how = how if isinstance(how, dict) else use(how)
    return {
        "purpose": how["purpose"],
        "start_date": how["start_date"] or spec["start_date"],
        "data_subjects": how["data_subjects"] or spec["data_subjects"],
    }


def _internal_note(spec):
    """What the admin shows editors about which of the entry's facts are illustrative."""
    if spec.get("internal_note"):
        return spec["internal_note"]
    made_up = []
    if spec["legal_entity"]:
        made_up.append(f"legal entity ({spec['legal_entity']})")
    if spec["transfer_safeguard"] != TS.NOT_RESTRICTED:
        made_up.append(f"transfer safeguard ({TS(spec['transfer_safeguard']).label})")
    made_up.append("start dates (the DPIA's date)")
    return (
        ILLUSTRATIVE + "; ".join(made_up) + ". The name, purpose and countries come from the "
        "seed DPIA's sharing table."
    )


def ensure_entries():
    """Create and publish missing entries. Returns how many were created."""
    return _ensure_entries()  # published as known history: the demo notices announce them


def _ensure_entries():
    products = {p.slug: p for p in ProductPage.objects.filter(locale__language_code="en-gb")}
    created = 0
    for spec in ENTRIES:
        if Subprocessor.objects.originals().filter(name=spec["name"]).exists():
            continue
        fields = {k: v for k, v in spec.items() if k not in SPEC_ONLY}
        fields["internal_note"] = _internal_note(spec)
        entry = Subprocessor(**fields, live=False)
        entry.uses = [
            SubprocessorUse(product=products[slug], **_use(spec, how))
            for slug, how in spec["uses"].items()
            if slug in products
        ]
        entry.full_clean()
        entry.save()
        entry.publish(entry.save_revision(), known_history=True)
        created += 1
    return created
