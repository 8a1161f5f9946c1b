"""Demo register entries named in the Juniper MIS / Pupil Asset DPIA's security section (seed 001,
lines 310-322), not in its sharing table. The roles follow its wording; what it does not give is
marked illustrative in each entry's internal note.

`entries.ENTRIES` lists them where they have always been: after Wonde, before Twilio.
"""

from ..models import RecipientType as RT
from ..models import TransferSafeguard as TS
from .facts import ILLUSTRATIVE, MIS, MIS_SINCE, PA, STAFF_USERS

SECURITY_RECIPIENTS = [
    {
        "name": "New Relic",
        "legal_entity": "",
        "recipient_type": RT.SUBPROCESSOR,
        "role_note": "Receives performance and error data from the service so that we can "
        "monitor it; that data can include details of the people using it.",
        "description": "Application monitoring. Our DPIA records a planned move to AWS "
        "CloudWatch; retiring New Relic will be announced with a change notice.",
        "countries": ["US"],
        "transfer_safeguard": TS.UK_US_DATA_BRIDGE,
        "data_categories": "Performance and error data, which can include user identifiers, "
        "IP addresses and details in error messages",
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "",
        "start_date": MIS_SINCE,
        "uses": {
            MIS: "Monitors the service's performance and errors",
            PA: "Monitors the service's performance and errors",
        },
        "internal_note": ILLUSTRATIVE + "country (US), transfer safeguard, data categories and "
        "start date. Seed 001 line 312 names New Relic for monitoring, nothing more.",
    },
    {
        "name": "FusionAuth",
        "legal_entity": "",
        "recipient_type": RT.SUBPROCESSOR,
        "role_note": "Provides sign-in and multi-factor authentication, so it holds users' "
        "sign-in details on our behalf.",
        "description": "Sign-in, multi-factor authentication and role-based access control.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "User account details, multi-factor authentication details and "
        "sign-in history",
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "",
        "start_date": MIS_SINCE,
        "uses": {
            MIS: "Sign-in and multi-factor authentication",
            PA: "Sign-in and multi-factor authentication",
        },
        "internal_note": ILLUSTRATIVE + "country, data categories and start date. Seed 001 "
        "line 316 names FusionAuth MFA but not whether FusionAuth hosts it: if we run it "
        "ourselves, change the type to 'Not a recipient: run by us'.",
    },
    {
        "name": "Network management provider",
        "legal_entity": "",
        "recipient_type": RT.SUBPROCESSOR,
        "role_note": "Manages the network configuration of our hosting with least-privilege "
        "administrative access. No data is sent to it, but its access could reach the data "
        "held there, so we treat it as a sub-processor.",
        "description": "A specialist provider that configures the network of our AWS hosting "
        "(firewalls and security groups).",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "Nothing is sent to it; it has administrative access to the hosting "
        "network only",
        "data_subjects": "Pupils; parents and carers; staff",
        "privacy_notice_url": "",
        "start_date": MIS_SINCE,
        "uses": {
            MIS: "Manages the configuration of our hosting network",
            PA: "Manages the configuration of our hosting network",
        },
        "internal_note": ILLUSTRATIVE + "the seed (001 line 310) does not name the provider: "
        "replace the name with the company's and add its legal entity; country is illustrative.",
    },
    {
        "name": "External security testing provider",
        "legal_entity": "",
        "recipient_type": RT.SUBPROCESSOR,
        "role_note": "Tests our network and systems for weaknesses. It may come across "
        "personal data while testing, so we treat it as a sub-processor.",
        "description": "Regular vulnerability assessments of our network.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "Technical information about our systems; any personal data only "
        "incidentally, never sent to it on purpose",
        "data_subjects": "Pupils; parents and carers; staff",
        "privacy_notice_url": "",
        "start_date": MIS_SINCE,
        "uses": {
            MIS: "Regular vulnerability assessments",
            PA: "Regular vulnerability assessments",
        },
        "internal_note": ILLUSTRATIVE + "the seed (001 line 322) does not name the provider: "
        "replace the name with the company's; country is illustrative. Seed 004 line 286 "
        "describes the same testing for Communications Hub.",
    },
    {
        "name": "Security monitoring (SIEM/SOC)",
        "legal_entity": "",
        "recipient_type": RT.IN_HOUSE,
        "role_note": "Our DPIA records that we operate our security monitoring (SIEM) and "
        "security operations (SOC) ourselves, so no data goes to another organisation for it.",
        "description": "Detects suspicious activity, escalates anomalies and manages incident "
        "response.",
        "countries": ["GB"],
        "transfer_safeguard": TS.NOT_RESTRICTED,
        "data_categories": "Security and audit logs: user identifiers, IP addresses, sign-in "
        "and activity events",
        "data_subjects": STAFF_USERS,
        "privacy_notice_url": "",
        "start_date": MIS_SINCE,
        "uses": {
            MIS: "Security monitoring and incident response",
            PA: "Security monitoring and incident response",
        },
        "internal_note": "Seed 001 line 322: 'Juniper operates SIEM/SOC monitoring "
        "capabilities'. If any part is outsourced, make the provider a sub-processor entry "
        "(with a change notice). Start date illustrative.",
    },
]
