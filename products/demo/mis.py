"""What the privacy summaries of Juniper MIS and Pupil Asset share: one DPIA (seed 001) covers both.

Facts come from the seed DPIAs (../shared/seeds); the wording is ours. Whatever the seeds do not
give is marked as illustrative in the record's editors-only `internal_note`, which the public never
sees.
"""

from trusthub.core.demo import p, stream

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
