"""The home page, the products index and the company-wide security statement."""

from .common import identity

HOME = {
    **identity("Trust Hub"),
    "Privacy and trust at Juniper Education": "Preifatrwydd ac ymddiriedaeth yn Juniper Education",
    "Schools and trusts trust us with information about their pupils, parents, carers and "
    "staff. You are the data controller; we process the data on your behalf. This hub sets "
    "out, product by product, what we hold and why, where it is hosted, who helps us process "
    "it, how long it is kept and how we keep it safe.": (
        "Mae ysgolion ac ymddiriedolaethau yn ymddiried ynom gyda gwybodaeth am eu disgyblion, "
        "eu rhieni, eu gofalwyr a'u staff. Chi yw'r rheolydd data; rydym ni'n prosesu'r data ar "
        "eich rhan. Mae'r hyb hwn yn nodi, fesul cynnyrch, pa ddata sydd gennym a pham, ble "
        "caiff ei westeio, pwy sy'n ein helpu i'w brosesu, am ba hyd y caiff ei gadw a sut "
        "rydym yn ei gadw'n ddiogel."
    ),
    "Use it for your own DPIA and record of processing. Every page prints cleanly.": (
        "Defnyddiwch ef ar gyfer eich asesiad effaith diogelu data (AEDD) a'ch cofnod prosesu "
        "eich hun. Mae pob tudalen yn argraffu'n glir."
    ),
    "Questions about how we handle your school's data, or a request you need help with? Our "
    "Data Protection Officer will answer.": (
        "Oes gennych gwestiwn am sut rydym yn trin data eich ysgol, neu gais y mae angen help "
        "arnoch gydag ef? Bydd ein Swyddog Diogelu Data yn ateb."
    ),
}

PRODUCTS_INDEX = {
    "Our products": "Ein cynhyrchion",
    "Each product has its own privacy summary, security statement and retention rules.": (
        "Mae gan bob cynnyrch ei grynodeb preifatrwydd, ei ddatganiad diogelwch a'i reolau "
        "cadw ei hun."
    ),
}

COMPANY_SECURITY = {
    "How we keep your data safe": "Sut rydym yn cadw eich data yn ddiogel",
    "We protect the data schools entrust to us with layered technical, organisational and "
    "procedural controls, run under an Information Security Management System (ISMS) "
    "certified to ISO/IEC 27001. The ISMS covers risk assessment, policy, monitoring, "
    "supplier management, incident response and continual improvement.": (
        "Rydym yn diogelu'r data y mae ysgolion yn ei ymddiried i ni gyda sawl haen o "
        "reolaethau technegol, sefydliadol a gweithdrefnol, a gaiff eu rhedeg o dan System "
        "Rheoli Diogelwch Gwybodaeth (ISMS) sydd wedi'i hardystio i ISO/IEC 27001. Mae'r ISMS "
        "yn cwmpasu asesu risg, polisïau, monitro, rheoli cyflenwyr, ymateb i ddigwyddiadau a "
        "gwella parhaus."
    ),
    "Sign-in to Juniper MIS and Pupil Asset is protected by multi-factor authentication "
    "(FusionAuth) and role-based access control, so each user reaches only the data their "
    "role needs. Administrative access is tightly restricted and monitored, with approval, "
    "periodic review and prompt revocation.": (
        "Mae mewngofnodi i Juniper MIS a Pupil Asset wedi'i ddiogelu gan ddilysu aml-ffactor "
        "(FusionAuth) a rheoli mynediad ar sail rôl, fel mai dim ond y data sydd ei angen ar "
        "gyfer ei rôl y gall pob defnyddiwr ei gyrraedd. Mae mynediad gweinyddol wedi'i "
        "gyfyngu'n dynn a'i fonitro, gyda chymeradwyaeth, adolygiadau cyfnodol a dirymu "
        "prydlon."
    ),
    "All data is encrypted in transit and at rest within Amazon Web Services. Secrets and "
    "keys used by our code are encrypted and never kept in source code.": (
        "Mae'r holl ddata wedi'i amgryptio wrth ei drosglwyddo ac wrth ei storio yn Amazon Web "
        "Services. Mae'r cyfrinachau a'r allweddi y mae ein cod yn eu defnyddio wedi'u "
        "hamgryptio, ac nid ydynt byth yn cael eu cadw yn y cod ffynhonnell."
    ),
    "Automated point-in-time backups let us restore data quickly after an incident. Backups "
    "follow AWS good practice for retention and integrity checks, and restoration supports "
    "our business continuity commitments.": (
        "Mae copïau wrth gefn awtomatig i bwynt mewn amser yn ein galluogi i adfer data'n "
        "gyflym ar ôl digwyddiad. Mae'r copïau wrth gefn yn dilyn arferion da AWS o ran cadw a "
        "gwirio cywirdeb, ac mae'r gallu i adfer yn cefnogi ein hymrwymiadau parhad busnes."
    ),
    "Our AWS hosting is default-deny: firewalls and security groups block all traffic that "
    "is not explicitly allowed. AWS GuardDuty and baseline monitoring add threat detection. "
    "A qualified third party manages network configuration on least-privilege principles.": (
        "Mae ein gwesteio AWS yn gwrthod popeth yn ddiofyn: mae waliau tân a grwpiau diogelwch "
        "yn rhwystro pob traffig nad yw wedi'i ganiatáu'n benodol. Mae AWS GuardDuty a monitro "
        "sylfaenol yn ychwanegu canfod bygythiadau. Mae trydydd parti cymwys yn rheoli "
        "ffurfweddiad y rhwydwaith ar sail egwyddor y fraint leiaf."
    ),
    "Application behaviour, warnings, errors and user-related changes are logged in AWS "
    "CloudWatch, with alarms for anomalies, failures and performance problems. A security "
    "operations centre (SIEM/SOC) watches for suspicious activity.": (
        "Caiff ymddygiad y rhaglen, rhybuddion, gwallau a newidiadau sy'n ymwneud â defnyddwyr "
        "eu cofnodi yn AWS CloudWatch, gyda larymau ar gyfer anghysondebau, methiannau a "
        "phroblemau perfformiad. Mae canolfan gweithrediadau diogelwch (SIEM/SOC) yn cadw "
        "llygad am weithgarwch amheus."
    ),
    "An external security provider tests our network for vulnerabilities on a regular basis. "
    "Frameworks and dependencies are patched through a mix of automated and manual updates so "
    "that fixes land promptly.": (
        "Mae darparwr diogelwch allanol yn profi ein rhwydwaith am wendidau yn rheolaidd. Caiff "
        "fframweithiau a dibyniaethau eu diweddaru drwy gyfuniad o ddiweddariadau awtomatig a "
        "diweddariadau â llaw, fel bod atgyweiriadau'n cael eu rhoi ar waith yn brydlon."
    ),
    "We follow a Secure Development Policy. Source code access is controlled by role; every "
    "material change goes through formal change control, with a separate, reviewed route for "
    "urgent fixes.": (
        "Rydym yn dilyn Polisi Datblygu Diogel. Caiff mynediad at y cod ffynhonnell ei reoli "
        "yn ôl rôl; mae pob newid sylweddol yn mynd drwy broses ffurfiol o reoli newid, gyda "
        "llwybr ar wahân, a adolygir, ar gyfer atgyweiriadau brys."
    ),
    "Everyone who works with customer data receives continuous security and data protection "
    "training.": (
        "Mae pawb sy'n gweithio gyda data cwsmeriaid yn cael hyfforddiant parhaus ar ddiogelwch "
        "a diogelu data."
    ),
    "Our SOC escalates anomalies to an incident response process. If a personal data breach "
    "affects your school, we tell you without undue delay so you can meet your own reporting "
    "duties.": (
        "Mae ein SOC yn uwchgyfeirio anghysondebau i broses ymateb i ddigwyddiadau. Os bydd tor "
        "diogelwch data personol yn effeithio ar eich ysgol, byddwn yn rhoi gwybod i chi heb "
        "oedi gormodol er mwyn i chi allu cyflawni eich dyletswyddau adrodd eich hun."
    ),
    "Every control on this page runs under our ISMS, which is certified to ISO/IEC 27001. "
    "Each product has its own statement, which says what its DPIA records. This is what this "
    "statement covers:": (
        "Mae pob rheolaeth ar y dudalen hon yn cael ei rhedeg o dan ein ISMS, sydd wedi'i "
        "hardystio i ISO/IEC 27001. Mae gan bob cynnyrch ei ddatganiad ei hun, sy'n nodi'r hyn "
        "y mae ei AEDD yn ei gofnodi. Dyma beth mae'r datganiad hwn yn ei gwmpasu:"
    ),
    "<b>Juniper MIS and Pupil Asset</b>: every control on this page and our ISO/IEC 27001 "
    "certification, as our DPIA for these two platforms records.": (
        "<b>Juniper MIS a Pupil Asset</b>: pob rheolaeth ar y dudalen hon a'n hardystiad "
        "ISO/IEC 27001, fel y mae ein AEDD ar gyfer y ddau blatfform hyn yn ei gofnodi."
    ),
    "<b>Communications Hub</b>: its DPIA records four of these company-wide measures: "
    "external vulnerability testing of our network, continuous staff training, a firewall "
    "with automatic alerts, and quick response. It does not record the others or our "
    'certification, so <a id="a1">its statement</a> claims only those four.': (
        "<b>Communications Hub</b>: mae ei AEDD yn cofnodi pedwar o'r mesurau hyn sy'n "
        "berthnasol i'r cwmni cyfan: profion allanol am wendidau yn ein rhwydwaith, hyfforddiant "
        "parhaus i staff, wal dân gyda rhybuddion awtomatig, ac ymateb cyflym. Nid yw'n cofnodi'r "
        "lleill na'n hardystiad, felly dim ond y pedwar hynny y mae "
        '<a id="a1">ei ddatganiad</a> yn eu hawlio.'
    ),
    "<b>Pupil Progress</b>: a third-party application that we resell. Its provider runs and "
    "secures the platform. Our DPIA does not record the controls or the certification on this "
    'page as covering that platform. See <a id="a1">its statement</a>.': (
        "<b>Pupil Progress</b>: rhaglen trydydd parti rydym yn ei hailwerthu. Ei darparwr sy'n "
        "rhedeg ac yn diogelu'r platfform. Nid yw ein AEDD yn cofnodi bod y rheolaethau na'r "
        "ardystiad ar y dudalen hon yn cwmpasu'r platfform hwnnw. Gweler "
        '<a id="a1">ei datganiad</a>.'
    ),
    "ISO/IEC 27001 Information Security Management System": (
        "System Rheoli Diogelwch Gwybodaeth ISO/IEC 27001"
    ),
    "Independent certification body (certificate available on request)": (
        "Corff ardystio annibynnol (mae'r dystysgrif ar gael ar gais)"
    ),
    "The ISMS covering development, hosting and support of the Juniper MIS and Pupil Asset "
    "platforms.": (
        "Yr ISMS sy'n cwmpasu datblygu, gwesteio a chefnogi platfformau Juniper MIS a Pupil Asset."
    ),
    "Illustrative demo data: the certificate's expiry date (31 October 2027) and the issuer "
    "wording are not in the seed DPIAs. Seed 001 says only that our ISMS is ISO "
    "27001-certified. Replace them with the details on the real certificate, and check that "
    "its scope matches the 'Governance and certification' section (which products it "
    "covers).": (
        "Data demo enghreifftiol: nid yw dyddiad dod i ben y dystysgrif (31 Hydref 2027) na "
        "geiriad y cyhoeddwr yn yr AEDDau a roddwyd fel hadau (seeds). Mae seed 001 yn dweud "
        "dim ond bod ein ISMS wedi'i hardystio i ISO 27001. Rhowch y manylion sydd ar y "
        "dystysgrif go iawn yn eu lle, a gwiriwch fod ei chwmpas yn cyfateb i'r adran "
        "'Llywodraethu ac ardystio' (pa gynhyrchion y mae'n eu cwmpasu)."
    ),
}
