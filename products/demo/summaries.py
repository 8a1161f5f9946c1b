"""Demo privacy summaries: one per product (/products/<product>/).

Facts come from the seed DPIAs (../shared/seeds); the wording is ours. Whatever the seeds do not
give is marked as illustrative in the record's editors-only `internal_note`, which the public never
sees. Fields given as None are the ones Juniper MIS and Pupil Asset share (products/demo/mis.py):
the loader (products/demo/__init__.py) fills them in.
"""

import datetime

from trusthub.core.demo import p, stream, ul

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
    },
]
