"""The page tree and organisation settings for a fresh Trust Hub.

Facts come from the seed DPIAs (../shared/seeds); the wording is ours. Whatever the seeds do not
give (certificate dates, the ICO number, the postal address, our reading of a tick list) is marked
as illustrative in the record's editors-only `internal_note`, which the public never sees. Every
loader creates only what is missing, so running it again changes nothing and duplicates nothing.
"""

import datetime

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from products.models import ProductIndexPage, ProductPage, RetentionPage, SecurityStatementPage
from trusthub.core.models import OrganisationSettings


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def stream(block_type, *values):
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

HOME = {
    "title": "Trust Hub",
    "heading": "Privacy and trust at Juniper Education",
    "intro": p(
        "Schools and trusts trust us with information about their pupils, parents, carers and "
        "staff. You are the data controller; we process the data on your behalf. This hub sets "
        "out, product by product, what we hold and why, where it is hosted, who helps us "
        "process it, how long it is kept and how we keep it safe.",
        "Use it for your own DPIA and record of processing. Every page prints cleanly.",
    ),
    "dpo_intro": "Questions about how we handle your school's data, or a request you need "
    "help with? Our Data Protection Officer will answer.",
}

COMPANY_SECURITY = {
    "title": "How we keep your data safe",
    "slug": "security",
    "intro": p(
        "We protect the data schools entrust to us with layered technical, organisational and "
        "procedural controls, run under an Information Security Management System (ISMS) "
        "certified to ISO/IEC 27001. The ISMS covers risk assessment, policy, monitoring, "
        "supplier management, incident response and continual improvement."
    ),
    "controls": stream(
        "control",
        {
            "area": "access",
            "description": p(
                "Sign-in to Juniper MIS and Pupil Asset is protected by multi-factor "
                "authentication (FusionAuth) and role-based access control, so each user reaches "
                "only the data their role needs. Administrative access is tightly restricted and "
                "monitored, with approval, periodic review and prompt revocation."
            ),
        },
        {
            "area": "encryption",
            "description": p(
                "All data is encrypted in transit and at rest within Amazon Web Services. "
                "Secrets and keys used by our code are encrypted and never kept in source code."
            ),
        },
        {
            "area": "backups",
            "description": p(
                "Automated point-in-time backups let us restore data quickly after an incident. "
                "Backups follow AWS good practice for retention and integrity checks, and "
                "restoration supports our business continuity commitments."
            ),
        },
        {
            "area": "network",
            "description": p(
                "Our AWS hosting is default-deny: firewalls and security groups block all "
                "traffic that is not explicitly allowed. AWS GuardDuty and baseline monitoring "
                "add threat detection. A qualified third party manages network configuration "
                "on least-privilege principles."
            ),
        },
        {
            "area": "monitoring",
            "description": p(
                "Application behaviour, warnings, errors and user-related changes are logged in "
                "AWS CloudWatch, with alarms for anomalies, failures and performance problems. "
                "A security operations centre (SIEM/SOC) watches for suspicious activity."
            ),
        },
        {
            "area": "vulnerability",
            "description": p(
                "An external security provider tests our network for vulnerabilities on a "
                "regular basis. Frameworks and dependencies are patched through a mix of "
                "automated and manual updates so that fixes land promptly."
            ),
        },
        {
            "area": "development",
            "description": p(
                "We follow a Secure Development Policy. Source code access is controlled by "
                "role; every material change goes through formal change control, with a "
                "separate, reviewed route for urgent fixes."
            ),
        },
        {
            "area": "training",
            "description": p(
                "Everyone who works with customer data receives continuous security and data "
                "protection training."
            ),
        },
        {
            "area": "incident",
            "description": p(
                "Our SOC escalates anomalies to an incident response process. If a personal "
                "data breach affects your school, we tell you without undue delay so you can "
                "meet your own reporting duties."
            ),
        },
        {
            "area": "governance",
            "description": p(
                "Every control on this page runs under our ISMS, which is certified to ISO/IEC "
                "27001. Each product has its own statement, which says what its DPIA records. "
                "This is what this statement covers:"
            )
            + ul(
                "<b>Juniper MIS and Pupil Asset</b>: every control on this page and our ISO/IEC "
                "27001 certification, as our DPIA for these two platforms records.",
                "<b>Communications Hub</b>: its DPIA records four of these company-wide "
                "measures: external vulnerability testing of our network, continuous staff "
                "training, a firewall with automatic alerts, and quick response. It does not "
                "record the others or our certification, so "
                '<a href="/products/communications-hub/security/">its statement</a> claims only '
                "those four.",
                "<b>Pupil Progress</b>: a third-party application that we resell. Its provider "
                "runs and secures the platform. Our DPIA does not record the controls or the "
                "certification on this page as covering that platform. See "
                '<a href="/products/pupil-progress/security/">its statement</a>.',
            ),
        },
    ),
    "certifications": stream(
        "certification",
        {
            "name": "ISO/IEC 27001 Information Security Management System",
            # The seed DPIA (001) says only that the ISMS is ISO 27001-certified: it names no
            # certification body and gives no expiry date.
            "issuer": "Independent certification body (certificate available on request)",
            "scope": "The ISMS covering development, hosting and support of the Juniper MIS "
            "and Pupil Asset platforms.",
            # ILLUSTRATIVE ONLY: the block requires an expiry date and the seeds give none.
            # Replace it with the date on the real certificate before going live.
            "valid_until": datetime.date(2027, 10, 31),
            "certificate": None,
        },
    ),
    "last_reviewed": datetime.date(2025, 11, 25),
    "internal_note": (
        "Illustrative demo data: the certificate's expiry date (31 October 2027) and the issuer "
        "wording are not in the seed DPIAs. Seed 001 says only that our ISMS is ISO "
        "27001-certified. Replace them with the details on the real certificate, and check that "
        "its scope matches the 'Governance and certification' section (which products it "
        "covers)."
    ),
}

AWS_UK = "United Kingdom (Amazon Web Services)"


def software_we_operate(what):
    """Seeds 001 and 004 list Apache in their sharing tables, but it is software we run ourselves
    (in the ETL tooling, seed 001 lines 190-198, seed 004 lines 180-188), not a recipient."""
    return "<h3>Software we operate ourselves</h3>" + p(
        f"{what} It runs on MySQL, the Apache HTTP Server web server and S3/NFS file storage, "
        "all inside our AWS hosting. Apache and MySQL are software we operate ourselves, not "
        "suppliers: no data goes through them to any third party, and they are not "
        "sub-processors."
    )


PRODUCTS = [
    {
        "title": "Pupil Progress",
        "slug": "pupil-progress",
        "summary": "Real-time tracking of secondary pupils' progress across every subject and "
        "qualification, for schools and trusts.",
        "description": p(
            "Pupil Progress is a cloud application that lets secondary schools and trusts track, "
            "analyse and report on pupils' performance in real time, across all subjects and "
            "qualifications. We resell it to new and existing secondary school customers; its "
            "developer hosts and supports it for us as a sub-processor."
        ),
        "data_subjects": stream(
            "subject",
            {"name": "Pupils", "description": "Secondary-age pupils on the school's roll."},
            {
                "name": "School staff",
                "description": "Teachers and leaders who sign in to use the application.",
            },
        ),
        "data_categories": stream(
            "category",
            {
                "name": "Names and identifiers",
                "description": "Pupil names, identifiers such as the UPN, year group and class.",
                "special_category": False,
            },
            {
                "name": "Attainment and progress",
                "description": "Assessment results, targets and progress across subjects and "
                "qualifications.",
                "special_category": False,
            },
            {
                "name": "Pupil characteristics",
                "description": "Characteristics the school chooses to export for group "
                "analysis, which may include ethnicity and special educational needs.",
                "special_category": True,
            },
            {
                "name": "Staff user details",
                "description": "Name, job title, business email address and sign-in details.",
                "special_category": False,
            },
        ),
        "purposes": stream(
            "purpose",
            {
                "purpose": "Tracking and reporting pupils' progress",
                "detail": "So teachers and leaders can monitor, analyse and report on "
                "performance and act early.",
            },
            {
                "purpose": "Providing and supporting the service",
                "detail": "Onboarding your school, user accounts and help when you ask for it.",
            },
        ),
        # Seed 000 ticks no Article 6 basis, and ticks "substantial public interest" for
        # special-category data. A product page needs at least one Article 6 entry, so the one
        # below says plainly that the basis is the school's to decide and record.
        "lawful_bases": stream(
            "basis",
            {
                "basis": "public_task",
                "explanation": "Our DPIA for Pupil Progress does not record an Article 6 basis: "
                "as controller, your school decides which basis it relies on and records it. "
                "Tracking pupils' progress is usually part of a school's public task; check "
                "this against your own record of processing.",
            },
        ),
        "special_category_conditions": stream(
            "condition",
            {
                "condition": "substantial_public_interest",
                "explanation": "The condition recorded in our DPIA for any special-category "
                "data the school exports to Pupil Progress.",
            },
        ),
        "data_sources": stream(
            "source",
            {
                "source": "Your school's MIS, via Groupcall Exporter",
                "description": "Pupil and staff data flows from your management information "
                "system into Pupil Progress through Groupcall Exporter.",
            },
            {
                "source": "Your staff",
                "description": "Assessment data and notes your staff enter in the application.",
            },
        ),
        "hosting_location": AWS_UK,
        "hosting": p("Pupil Progress runs in Amazon Web Services data centres in the UK."),
        "uses_automated_processing": False,
        "automated_processing": "",
        "last_reviewed": datetime.date(2025, 7, 4),
        "internal_note": (
            "Illustrative demo data: seed 000's lists of data and of data subjects are tick "
            "lists with no ticks visible. The data subjects and data categories here (including "
            "possible special-category characteristics) are our reading of the DPIA, so confirm "
            "them. The DPIA ticks no Article 6 basis (the page says so) and ticks 'substantial "
            "public interest' for special-category data. Hosting (AWS, UK) and Groupcall "
            "Exporter come from the DPIA's sharing table (lines 161-176)."
        ),
        "security": {
            "intro": p(
                "Pupil Progress is a third-party application that we resell. Its provider runs "
                "the platform on Amazon Web Services in the UK, and FRAM develops and supports "
                "it. Both are in our sub-processor register. For security measures, our DPIA "
                "for Pupil Progress refers to the provider's statement “Pupil Progress App: How "
                "we keep your data safe”, which covers the platform in full. Ask our Data "
                "Protection Officer for a copy.",
                "Below is what our DPIA for Pupil Progress itself records, and what our "
                "company-wide controls do and do not cover.",
            ),
            "controls": stream(
                "control",
                {
                    "area": "access",
                    "description": p(
                        "Only accounts linked to a verified school licence can use the live "
                        "platform. When a subscription or trial licence runs out, access is "
                        "revoked for every user after 90 days.",
                        "Within Juniper, our commercial and operations teams process your "
                        "school's data to set your school up and support it.",
                        "Our DPIA for Pupil Progress does not record how users sign in, or "
                        "whether multi-factor authentication is available, so we make no claim "
                        "about it here. The provider's statement covers sign-in.",
                    ),
                },
                {
                    "area": "backups",
                    "description": p(
                        "A rolling backup keeps each copy for 90 days, so data deleted from the "
                        "live platform is gone from backups 90 days later."
                    ),
                },
                {
                    "area": "network",
                    "description": p(
                        "The platform is hosted by Amazon Web Services in the UK. Data reaches "
                        "it from your school's MIS through Groupcall Exporter, which also "
                        "processes it in the UK."
                    ),
                },
                {
                    "area": "governance",
                    "description": p(
                        "Our DPIA records standard contractual clauses as the safeguard that "
                        "keeps the data to the purposes the DPIA documents. Our Group Data "
                        "Protection Officer was consulted on the DPIA.",
                        "Our ISO/IEC 27001 certification and the controls in our "
                        '<a href="/security/">company-wide security statement</a> are recorded '
                        "for Juniper MIS and Pupil Asset. Our DPIA for Pupil Progress does not "
                        "record them as covering the Pupil Progress platform, so we do not claim "
                        "that they do.",
                    ),
                },
            ),
            "internal_note": (
                "Illustrative demo data: seed 000 records no security measures of its own beyond "
                "licence revocation, the 90-day rolling backup and standard contractual clauses "
                "(lines 234, 250-256). It refers to the provider's statement 'Pupil Progress "
                "App: How we keep your data safe', which is not in the seeds. Ask the DPO "
                "whether our ISO 27001 scope covers our own part (onboarding and support). If it "
                "does, say so under 'Governance and certification'."
            ),
            "certifications": [],
            "last_reviewed": datetime.date(2025, 7, 4),
        },
    },
    {
        "title": "Juniper MIS",
        "slug": "juniper-mis",
        "summary": "Our cloud management information system for schools and trusts: the "
        "record of pupils, parents and carers, staff and the school.",
        "description": p(
            "Juniper MIS is a cloud-based management information system for schools and "
            "multi-academy trusts. It is the record of everyone connected with the school: "
            "pupils, parents and carers, staff and professionals who work with the school. "
            "Schools use it to record information and run the processes their policies need. "
            "It is the successor to Pupil Asset, and our migration tooling moves a school's "
            "data across."
        ),
        "data_subjects": stream(
            "subject",
            {"name": "Pupils", "description": "Including vulnerable pupils."},
            {"name": "Parents and carers", "description": "And emergency contacts."},
            {"name": "Staff", "description": "Employees, volunteers and governors."},
            {
                "name": "Linked professionals",
                "description": "People who work with the school professionally, such as "
                "social workers and health professionals.",
            },
        ),
        "data_categories": None,  # filled below: shared with Pupil Asset
        "purposes": None,
        "lawful_bases": None,
        "special_category_conditions": None,
        "data_sources": stream(
            "source",
            {"source": "Your school", "description": "Data your staff enter or import."},
            {
                "source": "The local authority",
                "description": "For example admissions data and common transfer files.",
            },
            {
                "source": "Pupil Asset, via our migration tooling",
                "description": "When a school moves from Pupil Asset to Juniper MIS.",
            },
        ),
        "hosting_location": AWS_UK,
        "hosting": p("Juniper MIS runs on Amazon Web Services in the UK:")
        + ul(
            "Networking: Amazon Elastic Load Balancing",
            "Compute: Amazon EC2",
            "Cache: Amazon ElastiCache (Redis)",
            "Database: Amazon RDS Aurora",
            "Files: Amazon S3",
        )
        + software_we_operate(
            "Our data migration (ETL) tooling moves a school's data from Pupil Asset into "
            "Juniper MIS."
        ),
        "uses_automated_processing": True,
        "automated_processing": None,
        "last_reviewed": datetime.date(2024, 6, 4),
        "internal_note": (
            "Illustrative demo data: the examples in the data categories (free school meals, "
            "biometric cashless catering, census returns) and the lawful-basis explanations are "
            "our wording. Seed 001 gives tick lists only. The hosting stack and the migration "
            "tooling (MySQL, Apache HTTP Server, S3/NFS) come from seed 001 lines 170-198."
        ),
    },
    {
        "title": "Pupil Asset",
        "slug": "pupil-asset",
        "summary": "Our established school MIS, used by schools that have not yet moved to "
        "Juniper MIS.",
        "description": p(
            "Pupil Asset is our established management information system for schools and "
            "trusts. It holds the school's records about pupils, parents and carers and staff, "
            "and supports the school's day-to-day processes. Schools are moving from Pupil "
            "Asset to Juniper MIS; both are covered by the same DPIA."
        ),
        "data_subjects": stream(
            "subject",
            {"name": "Pupils", "description": "Including vulnerable pupils."},
            {"name": "Parents and carers", "description": "And emergency contacts."},
            {"name": "Staff", "description": "Employees, volunteers and governors."},
        ),
        "data_categories": None,
        "purposes": None,
        "lawful_bases": None,
        "special_category_conditions": None,
        "data_sources": stream(
            "source",
            {"source": "Your school", "description": "Data your staff enter or import."},
            {
                "source": "The local authority",
                "description": "For example admissions data and common transfer files.",
            },
        ),
        "hosting_location": AWS_UK,
        "hosting": p("Pupil Asset runs on Amazon Web Services in the UK:")
        + ul(
            "Networking: AWS Application Load Balancer",
            "Compute: Amazon EKS (Kubernetes)",
            "Cache: Amazon ElastiCache (Redis)",
            "Database: Amazon RDS",
        )
        + software_we_operate(
            "When a school moves to Juniper MIS, our data migration (ETL) tooling reads its "
            "Pupil Asset data and moves it across."
        ),
        "uses_automated_processing": True,
        "automated_processing": None,
        "last_reviewed": datetime.date(2024, 6, 4),
        "internal_note": (
            "Illustrative demo data: the examples in the data categories and the lawful-basis "
            "explanations are our wording (seed 001 gives tick lists only). The hosting stack "
            "(seed 001 lines 200-210) leaves out the struck-through 'Storage S3 and encrypted "
            "network file storage' line. The migration tooling comes from lines 67 and 190-198."
        ),
    },
    {
        "title": "Communications Hub",
        "slug": "communications-hub",
        "summary": "One place for a school to message parents and carers by app, email and SMS.",
        "description": p(
            "Communications Hub is our cloud parental engagement system for schools and trusts. "
            "It brings every way of contacting parents and carers into one interface and picks "
            "the delivery route from each parent's contact details, so messages arrive and "
            "costs stay low. It works alongside Juniper MIS and our other products."
        ),
        "data_subjects": stream(
            "subject",
            {"name": "Pupils", "description": "Named in messages about them."},
            {"name": "Parents and carers", "description": "Who receive messages."},
            {"name": "Staff", "description": "Who send messages, and may receive them."},
        ),
        "data_categories": stream(
            "category",
            {
                "name": "Identity details",
                "description": "Names and the relationships between pupils and contacts.",
                "special_category": False,
            },
            {
                "name": "Contact details",
                "description": "Email addresses, mobile numbers and contact preferences.",
                "special_category": False,
            },
            {
                "name": "Messages",
                "description": "The content of messages and their delivery status.",
                "special_category": False,
            },
        ),
        "purposes": stream(
            "purpose",
            {
                "purpose": "Keeping parents and carers informed",
                "detail": "Sending news about their child and the wider school.",
            },
            {
                "purpose": "Delivering messages reliably",
                "detail": "Choosing app, email or SMS from the contact data the school holds.",
            },
        ),
        "lawful_bases": stream(
            "basis",
            {
                "basis": "public_task",
                "explanation": "Communicating with families about their children's education.",
            },
            {
                "basis": "contract",
                "explanation": "Providing the service under our contract with your school.",
            },
            {
                "basis": "consent",
                "explanation": "Where the school relies on consent, for "
                "example for optional messages.",
            },
            {
                "basis": "vital_interests",
                "explanation": "Urgent messages to protect a pupil's safety.",
            },
        ),
        "special_category_conditions": [],
        "data_sources": stream(
            "source",
            {"source": "Juniper MIS", "description": "Directly, for schools using our MIS."},
            {
                "source": "Another MIS, via Wonde",
                "description": "For schools using a different MIS, on the school's instruction.",
            },
            {"source": "Manual upload", "description": "Through the Juniper Portal."},
        ),
        "hosting_location": AWS_UK,
        "hosting": p("Communications Hub runs on Amazon Web Services in the UK:")
        + ul(
            "Networking: Amazon Elastic Load Balancing",
            "Compute: Amazon EC2",
            "Cache: Amazon ElastiCache (Redis)",
            "Database: Amazon RDS Aurora",
            "Files: Amazon S3",
        )
        + software_we_operate(
            "Our DPIA for Communications Hub also lists our data import (ETL) tooling, which "
            "takes data from a source and passes it on to Juniper MIS."
        ),
        "uses_automated_processing": False,
        "automated_processing": "",
        "last_reviewed": datetime.date(2025, 11, 25),
        "internal_note": (
            "Illustrative demo data: seed 004 describes the data as 'identity and contact "
            "details' (line 154). The 'Messages' category, the data-subject descriptions and "
            "the lawful-basis explanations are our wording. Hosting and the ETL tooling "
            "(MySQL, Apache HTTP Server) come from seed 004 lines 162-188."
        ),
        "security": {
            "intro": p(
                "Communications Hub runs on Amazon Web Services in the UK, on the same kind of "
                "hosting as Juniper MIS. Our DPIA for Communications Hub records four security "
                "measures. They are company-wide: the same external vulnerability testing, staff "
                "training, firewall protection and incident response described in our "
                '<a href="/security/">company-wide security statement</a>.',
                "That DPIA does not record how users sign in (for example, multi-factor "
                "authentication), encryption, backups or our ISO/IEC 27001 certification for "
                "Communications Hub, so this statement makes no claim about them. If you need "
                "those details for your own DPIA, ask our Data Protection Officer.",
            ),
            "controls": stream(
                "control",
                {
                    "area": "network",
                    "description": p(
                        "A robust firewall with automatic alerts protects our network."
                    ),
                },
                {
                    "area": "vulnerability",
                    "description": p(
                        "An external security provider checks our network for vulnerabilities "
                        "frequently."
                    ),
                },
                {
                    "area": "training",
                    "description": p("Our staff receive continuous security training."),
                },
                {
                    "area": "incident",
                    "description": p(
                        "We respond quickly to alerts and incidents, and tell your school without "
                        "undue delay about any breach affecting its data."
                    ),
                },
                {
                    "area": "governance",
                    "description": p(
                        "Our DPIA records that the data is shared only with your school, or with "
                        "third parties acting on its behalf, and that agreements are in place with "
                        "the technical suppliers involved to meet data protection requirements.",
                        "Our ISO/IEC 27001 certification is recorded in our DPIA for Juniper MIS "
                        "and Pupil Asset, and our company-wide statement lists it with its scope. "
                        "The DPIA for Communications Hub does not mention it, so we do not claim "
                        "it for Communications Hub.",
                    ),
                },
            ),
            "internal_note": (
                "Illustrative demo data: seed 004's security section (lines 284-289) lists only "
                "four measures: external vulnerability testing, staff training, a firewall with "
                "alerts and quick response. It says nothing about MFA, encryption, backups or "
                "ISO 27001. Ask the DPO whether the ISO 27001 scope and the other company-wide "
                "controls also cover Communications Hub. If they do, add them here and say so. "
                "The breach-notification sentence restates our duty as processor (UK GDPR Art. "
                "33(2)), not a seed fact."
            ),
            "certifications": [],
            "last_reviewed": datetime.date(2025, 11, 25),
        },
    },
]


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


MIS_SHARED = {
    "data_categories": stream(
        "category",
        {
            "name": "Identity and contact details",
            "description": "Names, identifiers, addresses, phone numbers and email addresses.",
            "special_category": False,
        },
        {
            "name": "Attendance, assessment and behaviour",
            "description": "Attendance records, assessment results and behaviour records.",
            "special_category": False,
        },
        {
            "name": "Financial information",
            "description": "For example eligibility for free school meals and payments.",
            "special_category": False,
        },
        {
            "name": "Photographs",
            "description": "Pupil and staff photographs for identification.",
            "special_category": False,
        },
        {
            "name": "Medical and health information",
            "description": "Medical conditions, disabilities and special educational needs.",
            "special_category": True,
        },
        {
            "name": "Ethnicity, religion and beliefs",
            "description": "Collected by schools, for example for statutory census returns.",
            "special_category": True,
        },
        {
            "name": "Biometric information",
            "description": "Only where a school uses biometric identification, for example "
            "for cashless catering.",
            "special_category": True,
        },
    ),
    "purposes": stream(
        "purpose",
        {
            "purpose": "Keeping the school's records",
            "detail": "So the school can record information and run the processes its "
            "policies require.",
        },
        {
            "purpose": "Safeguarding and welfare",
            "detail": "Keeping children safe, including reaching the right contact in an "
            "emergency.",
        },
        {
            "purpose": "Statutory returns",
            "detail": "Helping the school send the census and other returns it must make.",
        },
        {
            "purpose": "Highlighting trends",
            "detail": "Machine learning that points out trends and suggests interventions.",
        },
    ),
    "lawful_bases": stream(
        "basis",
        {"basis": "public_task", "explanation": "Running the school and educating pupils."},
        {"basis": "legal_obligation", "explanation": "Statutory records and returns."},
        {"basis": "contract", "explanation": "Staff employment and our contract with the school."},
        {"basis": "vital_interests", "explanation": "Emergency contact and medical details."},
        {
            "basis": "consent",
            "explanation": "Where the school asks for consent, for example for photographs.",
        },
    ),
    "special_category_conditions": stream(
        "condition",
        {
            "condition": "explicit_consent",
            "explanation": "Schools obtain explicit consent where they rely on it, for example "
            "for biometric identification.",
        },
    ),
    "automated_processing": p(
        "Machine-learning services look across the school's data to highlight trends and "
        "suggest interventions that may help a pupil learn or remove a barrier to learning.",
        "Suggestions are for staff to consider: no decision about a pupil is made "
        "automatically, and staff stay in control of every intervention.",
    ),
}


def covered_by_company_controls(title, last_reviewed):
    """The security statement of a product that seed 001 covers (Juniper MIS, Pupil Asset): every
    company-wide control, and the company-wide certification."""
    controls = [c for c in COMPANY_SECURITY["controls"] if c[1]["area"] != "governance"]
    controls += stream(
        "control",
        {
            "area": "governance",
            "description": p(
                f"{title} is covered by every control in our "
                '<a href="/security/">company-wide security statement</a> and by our ISO/IEC '
                "27001 certification, as our DPIA for Juniper MIS and Pupil Asset records. All "
                "of these controls run under our Information Security Management System (ISMS)."
            ),
        },
    )
    return {
        "intro": p(
            f"{title} is covered by our company-wide security controls, certified to ISO/IEC "
            "27001. These are the measures that apply to it."
        ),
        "controls": controls,
        "certifications": COMPANY_SECURITY["certifications"],
        "last_reviewed": last_reviewed,
        "internal_note": COMPANY_SECURITY["internal_note"],
    }


def ensure_settings():
    if OrganisationSettings.objects.exists():
        return False
    settings = OrganisationSettings(**ORGANISATION)
    settings.full_clean()  # the demo values pass the same checks as an editor's
    settings.save()
    return True


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home():
    """Create the HomePage and make it the default site's root (replacing Wagtail's welcome)."""
    created = False
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if root is None:  # an emptied database (e.g. after a test flush): rebuild Wagtail's root
        if not Locale.objects.exists():
            Locale.objects.create(language_code=get_supported_content_language_variant("en-gb"))
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    welcome = Page.objects.filter(depth=2, slug="home", content_type__model="page").first()
    if welcome is not None and home is None:
        # Wagtail's "Welcome to your new Wagtail site!" placeholder holds the slug we want.
        Page.objects.filter(pk=welcome.pk).update(slug="wagtail-welcome")
    if home is None:
        home = _add(
            root,
            HomePage(
                title=HOME["title"],
                slug="home",
                heading=HOME["heading"],
                intro=HOME["intro"],
                dpo_intro=HOME["dpo_intro"],
            ),
        )
        created = True
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Trust Hub",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Trust Hub"
        site.save()
        created = True
    if welcome is not None and not welcome.get_children().exists():
        Page.objects.get(pk=welcome.pk).delete()
    return home, created


def ensure_pages():
    """Returns the number of pages created."""
    created = 0
    home, home_created = ensure_home()
    created += int(home_created)

    if _child(home, SecurityStatementPage, COMPANY_SECURITY["slug"]) is None:
        _add(home, SecurityStatementPage(**COMPANY_SECURITY))
        created += 1

    index = _child(home, ProductIndexPage, "products")
    if index is None:
        index = _add(
            home,
            ProductIndexPage(
                title="Our products",
                slug="products",
                intro="Each product has its own privacy summary, security statement and "
                "retention rules.",
            ),
        )
        created += 1

    for spec in PRODUCTS:
        fields = {k: v for k, v in spec.items() if k != "security"}
        for key, value in MIS_SHARED.items():
            if fields.get(key) is None:
                fields[key] = value
        product = _child(index, ProductPage, spec["slug"])
        if product is None:
            product = _add(index, ProductPage(**fields))
            created += 1
        if _child(product, SecurityStatementPage, "security") is None:
            security = spec.get("security") or covered_by_company_controls(
                spec["title"], spec["last_reviewed"]
            )
            _add(
                product,
                SecurityStatementPage(
                    title=f"How we keep {spec['title']} data safe", slug="security", **security
                ),
            )
            created += 1
        if _child(product, RetentionPage, "retention") is None and spec["slug"] in RETENTION:
            _add(
                product,
                RetentionPage(
                    title=f"When will our {spec['title']} data be deleted?",
                    slug="retention",
                    **RETENTION[spec["slug"]],
                ),
            )
            created += 1
    return created
