"""Demo security statements: the company-wide one (/security/) and each product's.

Facts come from the seed DPIAs (../shared/seeds); the wording is ours. Whatever the seeds do not
give is marked as illustrative in the record's editors-only `internal_note`, which the public never
sees.
"""

import datetime

from trusthub.core.demo import p, stream, ul

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


# The statements of products whose DPIA records its own, narrower, measures. The others are
# covered by the company-wide controls (covered_by_company_controls).
PRODUCT_SECURITY = {
    "pupil-progress": {
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
    "communications-hub": {
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
                "description": p("A robust firewall with automatic alerts protects our network."),
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
