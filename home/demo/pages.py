"""The page tree and organisation settings for a fresh Trust Hub.

Facts come from the seed DPIAs (../shared/seeds); the wording is ours. Every loader creates only
what is missing, so running it again changes nothing and duplicates nothing.
"""

import datetime

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.models import HomePage, OrganisationSettings
from products.models import ProductIndexPage, ProductPage, RetentionPage, SecurityStatementPage


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
    # No DPO postal address or ICO registration number: the seeds give neither, and the
    # templates show nothing for them while they are blank. Fill them in under Settings.
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
}

AWS_UK = "United Kingdom (Amazon Web Services)"

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
        "security": {
            "intro": p(
                "Pupil Progress is hosted in the UK on Amazon Web Services. Its developer's "
                "statement “Pupil Progress App: How we keep your data safe” sets out its "
                "security measures in full: ask our Data Protection Officer for a copy. These "
                "are the points our DPIA for Pupil Progress records."
            ),
            "controls": stream(
                "control",
                {
                    "area": "access",
                    "description": p(
                        "Only accounts on a verified school licence can use the live platform. "
                        "When a subscription or trial licence runs out, access is revoked for "
                        "every user after 90 days."
                    ),
                },
                {
                    "area": "backups",
                    "description": p(
                        "A rolling backup keeps each copy for 90 days, so data deleted from the "
                        "live platform is gone from backups 90 days later."
                    ),
                },
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
            "Migration tooling: MySQL, Apache web server and S3/NFS file storage, also in AWS",
        ),
        "uses_automated_processing": True,
        "automated_processing": None,
        "last_reviewed": datetime.date(2024, 6, 4),
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
        ),
        "uses_automated_processing": True,
        "automated_processing": None,
        "last_reviewed": datetime.date(2024, 6, 4),
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
        ),
        "uses_automated_processing": False,
        "automated_processing": "",
        "last_reviewed": datetime.date(2025, 11, 25),
        "security": {
            "intro": p(
                "Communications Hub is covered by our company-wide controls. These are the "
                "measures most relevant to messaging parents and carers."
            ),
            "controls": stream(
                "control",
                {
                    "area": "network",
                    "description": p(
                        "A robust firewall with automatic alerts protects the service."
                    ),
                },
                {
                    "area": "vulnerability",
                    "description": p(
                        "An external security provider checks our network for "
                        "vulnerabilities frequently."
                    ),
                },
                {
                    "area": "training",
                    "description": p("Staff receive continuous security training."),
                },
                {
                    "area": "incident",
                    "description": p(
                        "We respond quickly to alerts and incidents, and tell "
                        "your school without undue delay about any breach "
                        "affecting its data."
                    ),
                },
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
            "When your Pupil Progress subscription or trial licence runs out, your data goes "
            "through three stages: first your staff lose access, then the data is deleted from "
            "the live platform at a set point in the school year, and finally the last backup "
            "copy expires. Enter the date your subscription ended to see the exact dates."
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
    },
}
for _slug, _date in [
    ("juniper-mis", datetime.date(2024, 6, 4)),
    ("pupil-asset", datetime.date(2024, 6, 4)),
    ("communications-hub", datetime.date(2025, 11, 25)),
]:
    RETENTION[_slug] = {
        "intro": p(
            "We keep your school's data for as long as the contract lasts. When the contract "
            "ends, we destroy the data 30 days later. Enter the date your contract ended to see "
            "the exact date."
        ),
        "stages": [
            (
                "offset",
                {
                    "key": "data-destroyed",
                    "label": "Data destroyed",
                    "description": "We destroy your school's data, so that we no longer hold "
                    "any of it.",
                    "amount": 30,
                    "unit": "days",
                    "from_stage": "",
                },
            )
        ],
        "last_reviewed": _date,
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


def ensure_settings():
    if OrganisationSettings.objects.exists():
        return False
    OrganisationSettings.objects.create(**ORGANISATION)
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
            security = spec.get("security") or {
                "intro": p(
                    f"{spec['title']} is covered by our company-wide security controls, "
                    "certified to ISO/IEC 27001. These are the measures that apply to it."
                ),
                "controls": COMPANY_SECURITY["controls"],
                "certifications": COMPANY_SECURITY["certifications"],
                "last_reviewed": spec["last_reviewed"],
            }
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
