"""The Welsh words of the demo pages: {English segment: Welsh}, for `home.demo.welsh`.

Keys are the segments exactly as wagtail-localize extracts them from the demo pages (one per
plain-text field, per rich-text block element, per block field; inline links as
`<a id="a1">..</a>`, bold kept). The Welsh is machine-assisted: it is loaded as machine
translations, which the translation editor marks for a Welsh speaker to review.

Names stay as they are: the company, the products, the hub ("Trust Hub"), suppliers, and the
titles of documents that exist only in English. Slugs stay the English ones, so a Welsh page's
address is its English one under /cy/. A retention stage's `from_stage` is a key other stages
refer to, not words: it is kept as it is.
"""

from products.demo.summaries import PRODUCTS

from . import accessibility

FIRST_PUBLISHED = {"First published.": "Cyhoeddwyd am y tro cyntaf."}


def identity(*texts):
    """Segments that stay the same in Welsh (names, slugs, keys)."""
    return {text: text for text in texts}


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

PUPIL_PROGRESS = {
    "Real-time tracking of secondary pupils' progress across every subject and "
    "qualification, for schools and trusts.": (
        "Olrhain cynnydd disgyblion uwchradd mewn amser real ar draws pob pwnc a chymhwyster, "
        "ar gyfer ysgolion ac ymddiriedolaethau."
    ),
    "Pupil Progress is a cloud application that lets secondary schools and trusts track, "
    "analyse and report on pupils' performance in real time, across all subjects and "
    "qualifications. We resell it to new and existing secondary school customers; its "
    "developer hosts and supports it for us as a sub-processor.": (
        "Rhaglen yn y cwmwl yw Pupil Progress sy'n galluogi ysgolion uwchradd ac "
        "ymddiriedolaethau i olrhain a dadansoddi perfformiad disgyblion, ac adrodd arno, mewn "
        "amser real ar draws pob pwnc a chymhwyster. Rydym yn ei hailwerthu i ysgolion "
        "uwchradd sy'n gwsmeriaid newydd neu bresennol; mae ei datblygwr yn ei gwesteio ac yn "
        "ei chefnogi ar ein rhan fel is-brosesydd."
    ),
    "Pupils": "Disgyblion",
    "Secondary-age pupils on the school's roll.": "Disgyblion oed uwchradd ar gofrestr yr ysgol.",
    "School staff": "Staff ysgol",
    "Teachers and leaders who sign in to use the application.": (
        "Athrawon ac arweinwyr sy'n mewngofnodi i ddefnyddio'r rhaglen."
    ),
    "Names and identifiers": "Enwau a dynodwyr",
    "Pupil names, identifiers such as the UPN, year group and class.": (
        "Enwau disgyblion, dynodwyr fel y rhif disgybl unigryw (UPN), grŵp blwyddyn a dosbarth."
    ),
    "Attainment and progress": "Cyrhaeddiad a chynnydd",
    "Assessment results, targets and progress across subjects and qualifications.": (
        "Canlyniadau asesu, targedau a chynnydd ar draws pynciau a chymwysterau."
    ),
    "Pupil characteristics": "Nodweddion disgyblion",
    "Characteristics the school chooses to export for group analysis, which may include "
    "ethnicity and special educational needs.": (
        "Nodweddion y mae'r ysgol yn dewis eu hallforio i'w dadansoddi fesul grŵp, a all "
        "gynnwys ethnigrwydd ac anghenion addysgol arbennig."
    ),
    "Staff user details": "Manylion defnyddwyr staff",
    "Name, job title, business email address and sign-in details.": (
        "Enw, teitl swydd, cyfeiriad e-bost gwaith a manylion mewngofnodi."
    ),
    "Tracking and reporting pupils' progress": "Olrhain cynnydd disgyblion ac adrodd arno",
    "So teachers and leaders can monitor, analyse and report on performance and act early.": (
        "Er mwyn i athrawon ac arweinwyr allu monitro a dadansoddi perfformiad, adrodd arno a "
        "gweithredu'n gynnar."
    ),
    "Providing and supporting the service": "Darparu a chefnogi'r gwasanaeth",
    "Onboarding your school, user accounts and help when you ask for it.": (
        "Sefydlu eich ysgol ar y gwasanaeth, cyfrifon defnyddwyr, a help pan fyddwch yn gofyn "
        "amdano."
    ),
    "Our DPIA for Pupil Progress does not record an Article 6 basis: as controller, your "
    "school decides which basis it relies on and records it. Tracking pupils' progress is "
    "usually part of a school's public task; check this against your own record of "
    "processing.": (
        "Nid yw ein AEDD ar gyfer Pupil Progress yn cofnodi sail o dan Erthygl 6: fel rheolydd, "
        "eich ysgol sy'n penderfynu ar ba sail y mae'n dibynnu, ac yn ei chofnodi. Mae olrhain "
        "cynnydd disgyblion fel arfer yn rhan o dasg gyhoeddus ysgol; gwiriwch hyn yn erbyn eich "
        "cofnod prosesu eich hun."
    ),
    "The condition recorded in our DPIA for any special-category data the school exports to "
    "Pupil Progress.": (
        "Yr amod a gofnodwyd yn ein AEDD ar gyfer unrhyw ddata categori arbennig y mae'r ysgol "
        "yn ei allforio i Pupil Progress."
    ),
    "Your school's MIS, via Groupcall Exporter": (
        "System gwybodaeth reoli (MIS) eich ysgol, drwy Groupcall Exporter"
    ),
    "Pupil and staff data flows from your management information system into Pupil Progress "
    "through Groupcall Exporter.": (
        "Mae data disgyblion a staff yn llifo o'ch system gwybodaeth reoli i Pupil Progress drwy "
        "Groupcall Exporter."
    ),
    "Your staff": "Eich staff",
    "Assessment data and notes your staff enter in the application.": (
        "Data asesu a nodiadau y mae eich staff yn eu rhoi yn y rhaglen."
    ),
    "United Kingdom (Amazon Web Services)": "Y Deyrnas Unedig (Amazon Web Services)",
    "Pupil Progress runs in Amazon Web Services data centres in the UK.": (
        "Mae Pupil Progress yn rhedeg yng nghanolfannau data Amazon Web Services yn y DU."
    ),
    "Your school or trust is the data controller: it decides why and how pupils', parents' "
    "and staff data is used.": (
        "Eich ysgol neu eich ymddiriedolaeth yw'r rheolydd data: hi sy'n penderfynu pam a sut y "
        "defnyddir data disgyblion, rhieni a staff."
    ),
    "We are the data processor: we process the data only on your documented instructions, "
    "under our contract and data processing agreement.": (
        "Ni yw'r prosesydd data: dim ond yn unol â'ch cyfarwyddiadau wedi'u dogfennu y byddwn "
        "yn prosesu'r data, o dan ein contract a'n cytundeb prosesu data."
    ),
    "Your school or trust responds to subject access and other rights requests. We help you "
    "find, export, correct or erase the data when you ask.": (
        "Eich ysgol neu eich ymddiriedolaeth sy'n ymateb i geisiadau gwrthrych am wybodaeth ac "
        "i geisiadau eraill ynghylch hawliau. Rydym yn eich helpu i ddod o hyd i'r data, ei "
        "allforio, ei gywiro neu ei ddileu pan fyddwch yn gofyn."
    ),
    "Illustrative demo data: seed 000's lists of data and of data subjects are tick lists "
    "with no ticks visible. The data subjects and data categories here (including possible "
    "special-category characteristics) are our reading of the DPIA, so confirm them. The "
    "DPIA ticks no Article 6 basis (the page says so) and ticks 'substantial public interest' "
    "for special-category data. Hosting (AWS, UK) and Groupcall Exporter come from the "
    "DPIA's sharing table (lines 161-176).": (
        "Data demo enghreifftiol: mae rhestrau seed 000 o ddata ac o wrthrychau data yn "
        "rhestrau ticio heb unrhyw diciau i'w gweld. Ein dehongliad ni o'r AEDD yw'r gwrthrychau "
        "data a'r categorïau data yma (gan gynnwys nodweddion categori arbennig posibl), felly "
        "cadarnhewch nhw. Nid yw'r AEDD yn ticio unrhyw sail o dan Erthygl 6 (mae'r dudalen yn "
        "dweud hynny) ac mae'n ticio 'budd sylweddol i'r cyhoedd' ar gyfer data categori "
        "arbennig. Daw'r gwesteio (AWS, y DU) a Groupcall Exporter o dabl rhannu'r AEDD "
        "(llinellau 161-176)."
    ),
}

PUPIL_PROGRESS_SECURITY = {
    "Pupil Progress is a third-party application that we resell. Its provider runs the "
    "platform on Amazon Web Services in the UK, and FRAM develops and supports it. Both are "
    "in our sub-processor register. For security measures, our DPIA for Pupil Progress "
    "refers to the provider's statement “Pupil Progress App: How we keep your data safe”, "
    "which covers the platform in full. Ask our Data Protection Officer for a copy.": (
        "Rhaglen trydydd parti rydym yn ei hailwerthu yw Pupil Progress. Mae ei darparwr yn "
        "rhedeg y platfform ar Amazon Web Services yn y DU, ac mae FRAM yn ei datblygu ac yn ei "
        "chefnogi. Mae'r ddau yn ein cofrestr is-broseswyr. O ran mesurau diogelwch, mae ein "
        "AEDD ar gyfer Pupil Progress yn cyfeirio at ddatganiad y darparwr, “Pupil Progress "
        "App: How we keep your data safe” (yn Saesneg), sy'n cwmpasu'r platfform yn llawn. "
        "Gofynnwch i'n Swyddog Diogelu Data am gopi."
    ),
    "Below is what our DPIA for Pupil Progress itself records, and what our company-wide "
    "controls do and do not cover.": (
        "Isod mae'r hyn y mae ein AEDD ar gyfer Pupil Progress ei hun yn ei gofnodi, a'r hyn y "
        "mae ein rheolaethau ar draws y cwmni yn ei gwmpasu a'r hyn nad ydynt yn ei gwmpasu."
    ),
    "Only accounts linked to a verified school licence can use the live platform. When a "
    "subscription or trial licence runs out, access is revoked for every user after 90 "
    "days.": (
        "Dim ond cyfrifon sy'n gysylltiedig â thrwydded ysgol wedi'i dilysu sy'n gallu "
        "defnyddio'r platfform byw. Pan ddaw tanysgrifiad neu drwydded dreial i ben, caiff "
        "mynediad pob defnyddiwr ei ddirymu ar ôl 90 diwrnod."
    ),
    "Within Juniper, our commercial and operations teams process your school's data to set "
    "your school up and support it.": (
        "O fewn Juniper, mae ein timau masnachol a gweithrediadau yn prosesu data eich ysgol er "
        "mwyn sefydlu eich ysgol a'i chefnogi."
    ),
    "Our DPIA for Pupil Progress does not record how users sign in, or whether multi-factor "
    "authentication is available, so we make no claim about it here. The provider's "
    "statement covers sign-in.": (
        "Nid yw ein AEDD ar gyfer Pupil Progress yn cofnodi sut mae defnyddwyr yn mewngofnodi, "
        "nac a oes dilysu aml-ffactor ar gael, felly nid ydym yn honni dim am hynny yma. Mae "
        "datganiad y darparwr yn ymdrin â mewngofnodi."
    ),
    "A rolling backup keeps each copy for 90 days, so data deleted from the live platform is "
    "gone from backups 90 days later.": (
        "Mae copi wrth gefn treigl yn cadw pob copi am 90 diwrnod, felly mae data a ddilëwyd "
        "o'r platfform byw wedi diflannu o'r copïau wrth gefn 90 diwrnod yn ddiweddarach."
    ),
    "The platform is hosted by Amazon Web Services in the UK. Data reaches it from your "
    "school's MIS through Groupcall Exporter, which also processes it in the UK.": (
        "Amazon Web Services sy'n gwesteio'r platfform, yn y DU. Mae data'n ei gyrraedd o MIS "
        "eich ysgol drwy Groupcall Exporter, sydd hefyd yn ei brosesu yn y DU."
    ),
    "Our DPIA records standard contractual clauses as the safeguard that keeps the data to "
    "the purposes the DPIA documents. Our Group Data Protection Officer was consulted on the "
    "DPIA.": (
        "Mae ein AEDD yn cofnodi cymalau contract safonol fel y mesur diogelu sy'n sicrhau mai "
        "dim ond at y dibenion a ddogfennir yn yr AEDD y defnyddir y data. Ymgynghorwyd â "
        "Swyddog Diogelu Data ein Grŵp ynghylch yr AEDD."
    ),
    "Our ISO/IEC 27001 certification and the controls in our "
    '<a id="a1">company-wide security statement</a> are recorded for Juniper MIS and Pupil '
    "Asset. Our DPIA for Pupil Progress does not record them as covering the Pupil Progress "
    "platform, so we do not claim that they do.": (
        "Mae ein hardystiad ISO/IEC 27001 a'r rheolaethau yn ein "
        '<a id="a1">datganiad diogelwch ar gyfer y cwmni cyfan</a> wedi\'u cofnodi ar gyfer '
        "Juniper MIS a Pupil Asset. Nid yw ein AEDD ar gyfer Pupil Progress yn cofnodi eu bod "
        "yn cwmpasu platfform Pupil Progress, felly nid ydym yn honni eu bod."
    ),
    "Illustrative demo data: seed 000 records no security measures of its own beyond licence "
    "revocation, the 90-day rolling backup and standard contractual clauses (lines 234, "
    "250-256). It refers to the provider's statement 'Pupil Progress App: How we keep your "
    "data safe', which is not in the seeds. Ask the DPO whether our ISO 27001 scope covers "
    "our own part (onboarding and support). If it does, say so under 'Governance and "
    "certification'.": (
        "Data demo enghreifftiol: nid yw seed 000 yn cofnodi unrhyw fesurau diogelwch ei hun y "
        "tu hwnt i ddirymu trwyddedau, y copi wrth gefn treigl 90 diwrnod a chymalau contract "
        "safonol (llinellau 234, 250-256). Mae'n cyfeirio at ddatganiad y darparwr, 'Pupil "
        "Progress App: How we keep your data safe', nad yw yn y seeds. Gofynnwch i'r Swyddog "
        "Diogelu Data a yw cwmpas ein hardystiad ISO 27001 yn cynnwys ein rhan ni (sefydlu a "
        "chymorth). Os ydyw, dywedwch hynny o dan 'Llywodraethu ac ardystio'."
    ),
}

PUPIL_PROGRESS_RETENTION = {
    "When your Pupil Progress subscription or trial licence runs out, the data on the Pupil "
    "Progress platform goes through three stages: first your staff lose access, then the "
    "data is deleted from the live platform at a set point in the school year, and finally "
    "the last backup copy expires. Enter the date your subscription ended to see the exact "
    "dates.": (
        "Pan ddaw eich tanysgrifiad neu eich trwydded dreial Pupil Progress i ben, mae'r data "
        "ar blatfform Pupil Progress yn mynd drwy dri cham: yn gyntaf mae eich staff yn colli "
        "mynediad, yna caiff y data ei ddileu o'r platfform byw ar adeg benodol yn y flwyddyn "
        "ysgol, ac yn olaf daw'r copi wrth gefn olaf i ben. Rhowch y dyddiad y daeth eich "
        "tanysgrifiad i ben i weld yr union ddyddiadau."
    ),
    "<b>Our own records about your school as a customer.</b> Separately from the platform, "
    "we hold data about your school as our customer: what we need to give your staff access "
    "to Pupil Progress and to set your school up and support it. We keep an existing "
    "customer's data for 8 years. When a customer's subscription ends, we delete all of its "
    "customer data within 90 days.": (
        "<b>Ein cofnodion ein hunain am eich ysgol fel cwsmer.</b> Ar wahân i'r platfform, "
        "rydym yn cadw data am eich ysgol fel ein cwsmer: yr hyn sydd ei angen arnom i roi "
        "mynediad i'ch staff at Pupil Progress ac i sefydlu eich ysgol a'i chefnogi. Rydym yn "
        "cadw data cwsmer presennol am 8 mlynedd. Pan ddaw tanysgrifiad cwsmer i ben, rydym yn "
        "dileu ei holl ddata cwsmer o fewn 90 diwrnod."
    ),
    "Access revoked": "Mynediad wedi'i ddirymu",
    "Nobody at your school can sign in to the live platform any more. The data is still held "
    "securely until it is deleted.": (
        "Ni all neb yn eich ysgol fewngofnodi i'r platfform byw mwyach. Mae'r data'n dal i "
        "gael ei gadw'n ddiogel nes iddo gael ei ddileu."
    ),
    "Live data deleted": "Data byw wedi'i ddileu",
    "We securely delete your school's data from the live platform, in one of two deletion "
    "runs each year.": (
        "Rydym yn dileu data eich ysgol o'r platfform byw yn ddiogel, yn un o'r ddau gylch "
        "dileu a gynhelir bob blwyddyn."
    ),
    "Backups gone": "Dim copïau wrth gefn ar ôl",
    "Our rolling backup keeps each copy for 90 days, so after this date no copy of your "
    "school's data remains.": (
        "Mae ein copi wrth gefn treigl yn cadw pob copi am 90 diwrnod, felly ar ôl y dyddiad "
        "hwn nid oes unrhyw gopi o ddata eich ysgol ar ôl."
    ),
    "You can download a complete copy of all the personal data your school holds in Pupil "
    "Progress. Do it before your subscription ends: once access is revoked, nobody at your "
    "school can sign in to download it. Our Data Protection Officer can help.": (
        "Gallwch lawrlwytho copi cyflawn o'r holl ddata personol y mae eich ysgol yn ei gadw yn "
        "Pupil Progress. Gwnewch hynny cyn i'ch tanysgrifiad ddod i ben: unwaith y caiff "
        "mynediad ei ddirymu, ni all neb yn eich ysgol fewngofnodi i'w lawrlwytho. Gall ein "
        "Swyddog Diogelu Data helpu."
    ),
    "You do not have to wait for the dates above. If your school asks us to, we will erase "
    "its data without undue delay, which generally means within about a month of the "
    "request (UK GDPR Articles 17 and 19). Send the request to our Data Protection "
    "Officer.": (
        "Nid oes rhaid i chi aros am y dyddiadau uchod. Os bydd eich ysgol yn gofyn i ni wneud "
        "hynny, byddwn yn dileu ei data heb oedi gormodol, sydd fel arfer yn golygu o fewn tua "
        "mis i'r cais (Erthyglau 17 a 19 GDPR y DU). Anfonwch y cais at ein Swyddog Diogelu "
        "Data."
    ),
    "If you ask, we will confirm in writing that all of your school's personal data in Pupil "
    "Progress has been completely deleted, in line with the right to erasure.": (
        "Os byddwch yn gofyn, byddwn yn cadarnhau yn ysgrifenedig fod holl ddata personol eich "
        "ysgol yn Pupil Progress wedi'i ddileu'n llwyr, yn unol â'r hawl i ddileu."
    ),
    "Every rule on this page comes from seed 000 (lines 250-262). The customer-record rule "
    "('Juniper processes existing customer data for 8 years and will delete all terminating "
    "customer data within 90 days') is in the intro, because the stages count only from the "
    "end date and the 8 years does not. The DPIA does not say what the 8 years counts from or "
    "what exactly 'customer data' includes. Our reading is Juniper's own account and support "
    "records, as opposed to the platform data. Confirm with the DPO.": (
        "Daw pob rheol ar y dudalen hon o seed 000 (llinellau 250-262). Mae'r rheol am "
        "gofnodion cwsmeriaid ('Juniper processes existing customer data for 8 years and will "
        "delete all terminating customer data within 90 days') yn y cyflwyniad, oherwydd dim ond "
        "o'r dyddiad gorffen y mae'r camau'n cyfrif, ac nid felly'r 8 mlynedd. Nid yw'r AEDD yn "
        "dweud o ba bryd y mae'r 8 mlynedd yn cyfrif, na beth yn union y mae 'data cwsmeriaid' "
        "yn ei gynnwys. Ein dehongliad ni yw cofnodion cyfrif a chymorth Juniper ei hun, yn "
        "hytrach na data'r platfform. Cadarnhewch gyda'r Swyddog Diogelu Data."
    ),
    # `from_stage` of the "Backups gone" stage: a key, not words.
    **identity("live-data-deleted"),
}


def covered_by_company_controls(name):
    """The security statement of a product our company-wide controls cover (Juniper MIS, Pupil
    Asset): the two segments that name it (products.demo.security)."""
    return {
        f"{name} is covered by our company-wide security controls, certified to ISO/IEC 27001. "
        "These are the measures that apply to it.": (
            f"Mae {name} wedi'i gwmpasu gan ein rheolaethau diogelwch ar draws y cwmni, sydd "
            "wedi'u hardystio i ISO/IEC 27001. Dyma'r mesurau sy'n berthnasol iddo."
        ),
        f"{name} is covered by every control in our "
        '<a id="a1">company-wide security statement</a> and by our ISO/IEC 27001 '
        "certification, as our DPIA for Juniper MIS and Pupil Asset records. All of these "
        "controls run under our Information Security Management System (ISMS).": (
            f"Mae {name} wedi'i gwmpasu gan bob rheolaeth yn ein "
            '<a id="a1">datganiad diogelwch ar gyfer y cwmni cyfan</a> a chan ein hardystiad '
            "ISO/IEC 27001, fel y mae ein AEDD ar gyfer Juniper MIS a Pupil Asset yn ei "
            "gofnodi. Mae'r holl reolaethau hyn yn cael eu rhedeg o dan ein System Rheoli "
            "Diogelwch Gwybodaeth (ISMS)."
        ),
    }


COMMUNICATIONS_HUB_SECURITY = {
    "Communications Hub runs on Amazon Web Services in the UK, on the same kind of hosting as "
    "Juniper MIS. Our DPIA for Communications Hub records four security measures. They are "
    "company-wide: the same external vulnerability testing, staff training, firewall "
    'protection and incident response described in our <a id="a1">company-wide security '
    "statement</a>.": (
        "Mae Communications Hub yn rhedeg ar Amazon Web Services yn y DU, ar yr un math o "
        "westeio â Juniper MIS. Mae ein AEDD ar gyfer Communications Hub yn cofnodi pedwar "
        "mesur diogelwch. Maent yn berthnasol i'r cwmni cyfan: yr un profion allanol am "
        "wendidau, hyfforddiant staff, diogelwch wal dân ac ymateb i ddigwyddiadau a ddisgrifir "
        'yn ein <a id="a1">datganiad diogelwch ar gyfer y cwmni cyfan</a>.'
    ),
    "That DPIA does not record how users sign in (for example, multi-factor authentication), "
    "encryption, backups or our ISO/IEC 27001 certification for Communications Hub, so this "
    "statement makes no claim about them. If you need those details for your own DPIA, ask "
    "our Data Protection Officer.": (
        "Nid yw'r AEDD hwnnw'n cofnodi sut mae defnyddwyr yn mewngofnodi (er enghraifft, "
        "dilysu aml-ffactor), amgryptio, copïau wrth gefn na'n hardystiad ISO/IEC 27001 ar "
        "gyfer Communications Hub, felly nid yw'r datganiad hwn yn honni dim amdanynt. Os oes "
        "angen y manylion hynny arnoch ar gyfer eich AEDD eich hun, gofynnwch i'n Swyddog "
        "Diogelu Data."
    ),
    "A robust firewall with automatic alerts protects our network.": (
        "Mae wal dân gadarn gyda rhybuddion awtomatig yn diogelu ein rhwydwaith."
    ),
    "An external security provider checks our network for vulnerabilities frequently.": (
        "Mae darparwr diogelwch allanol yn gwirio ein rhwydwaith am wendidau yn aml."
    ),
    "Our staff receive continuous security training.": (
        "Mae ein staff yn cael hyfforddiant diogelwch parhaus."
    ),
    "We respond quickly to alerts and incidents, and tell your school without undue delay "
    "about any breach affecting its data.": (
        "Rydym yn ymateb yn gyflym i rybuddion a digwyddiadau, ac yn rhoi gwybod i'ch ysgol "
        "heb oedi gormodol am unrhyw dor diogelwch sy'n effeithio ar ei data."
    ),
    "Our DPIA records that the data is shared only with your school, or with third parties "
    "acting on its behalf, and that agreements are in place with the technical suppliers "
    "involved to meet data protection requirements.": (
        "Mae ein AEDD yn cofnodi mai dim ond gyda'ch ysgol, neu gyda thrydydd partïon sy'n "
        "gweithredu ar ei rhan, y caiff y data ei rannu, a bod cytundebau ar waith gyda'r "
        "cyflenwyr technegol dan sylw i fodloni gofynion diogelu data."
    ),
    "Our ISO/IEC 27001 certification is recorded in our DPIA for Juniper MIS and Pupil Asset, "
    "and our company-wide statement lists it with its scope. The DPIA for Communications Hub "
    "does not mention it, so we do not claim it for Communications Hub.": (
        "Mae ein hardystiad ISO/IEC 27001 wedi'i gofnodi yn ein AEDD ar gyfer Juniper MIS a "
        "Pupil Asset, ac mae ein datganiad ar gyfer y cwmni cyfan yn ei restru gyda'i gwmpas. "
        "Nid yw'r AEDD ar gyfer Communications Hub yn sôn amdano, felly nid ydym yn ei hawlio "
        "ar gyfer Communications Hub."
    ),
    "Illustrative demo data: seed 004's security section (lines 284-289) lists only four "
    "measures: external vulnerability testing, staff training, a firewall with alerts and "
    "quick response. It says nothing about MFA, encryption, backups or ISO 27001. Ask the DPO "
    "whether the ISO 27001 scope and the other company-wide controls also cover "
    "Communications Hub. If they do, add them here and say so. The breach-notification "
    "sentence restates our duty as processor (UK GDPR Art. 33(2)), not a seed fact.": (
        "Data demo enghreifftiol: mae adran ddiogelwch seed 004 (llinellau 284-289) yn rhestru "
        "pedwar mesur yn unig: profion allanol am wendidau, hyfforddiant staff, wal dân gyda "
        "rhybuddion ac ymateb cyflym. Nid yw'n dweud dim am ddilysu aml-ffactor, amgryptio, "
        "copïau wrth gefn nac ISO 27001. Gofynnwch i'r Swyddog Diogelu Data a yw cwmpas ISO "
        "27001 a'r rheolaethau eraill ar draws y cwmni hefyd yn cwmpasu Communications Hub. Os "
        "ydynt, ychwanegwch nhw yma a dywedwch hynny. Mae'r frawddeg am hysbysu am dor "
        "diogelwch yn ailddatgan ein dyletswydd fel prosesydd (Erthygl 33(2) GDPR y DU), nid "
        "ffaith o'r seeds."
    ),
}

# The retention pages of Juniper MIS, Pupil Asset and Communications Hub (30 days after the
# contract ends).
CONTRACT_RETENTION = {
    "We keep your school's data for as long as the contract lasts. When the contract ends, we "
    "destroy the data 30 days later. Enter the date your contract ended to see the exact "
    "date.": (
        "Rydym yn cadw data eich ysgol cyhyd ag y mae'r contract yn para. Pan ddaw'r contract "
        "i ben, rydym yn dinistrio'r data 30 diwrnod yn ddiweddarach. Rhowch y dyddiad y daeth "
        "eich contract i ben i weld yr union ddyddiad."
    ),
    "<b>Backups.</b> We keep automated point-in-time backups so that data can be restored "
    "after an incident. They follow AWS good practice for retention and integrity checks. Our "
    "DPIA does not state how long a backup copy is kept, so copies of your school's data may "
    "remain in these backups for a time after the date above. Ask our Data Protection "
    "Officer for the backup retention period.": (
        "<b>Copïau wrth gefn.</b> Rydym yn cadw copïau wrth gefn awtomatig i bwynt mewn amser "
        "fel y gellir adfer data ar ôl digwyddiad. Maent yn dilyn arferion da AWS o ran cadw a "
        "gwirio cywirdeb. Nid yw ein AEDD yn nodi am ba hyd y caiff copi wrth gefn ei gadw, "
        "felly gall copïau o ddata eich ysgol aros yn y copïau wrth gefn hyn am gyfnod ar ôl y "
        "dyddiad uchod. Gofynnwch i'n Swyddog Diogelu Data beth yw cyfnod cadw'r copïau wrth "
        "gefn."
    ),
    "Data destroyed": "Data wedi'i ddinistrio",
    "We destroy your school's data in the service. This date does not cover copies in our "
    "automated backups, which are kept for a period our DPIA does not state.": (
        "Rydym yn dinistrio data eich ysgol yn y gwasanaeth. Nid yw'r dyddiad hwn yn cynnwys "
        "copïau yn ein copïau wrth gefn awtomatig, a gaiff eu cadw am gyfnod nad yw ein AEDD "
        "yn ei nodi."
    ),
    "Before your subscription or contract ends, make sure you have a complete copy of the "
    "data your school needs to keep: after it ends, your staff may no longer be able to sign "
    "in and export it. Our Data Protection Officer can help you get a full copy.": (
        "Cyn i'ch tanysgrifiad neu eich contract ddod i ben, gwnewch yn siŵr bod gennych gopi "
        "cyflawn o'r data y mae angen i'ch ysgol ei gadw: ar ôl iddo ddod i ben, efallai na "
        "fydd eich staff yn gallu mewngofnodi a'i allforio mwyach. Gall ein Swyddog Diogelu "
        "Data eich helpu i gael copi llawn."
    ),
    "You do not have to wait for the dates above. As controller, your school can ask us to "
    "erase its data sooner. We do so without undue delay, which generally means within about "
    "a month of your request (UK GDPR Articles 17 and 19). Send the request to our Data "
    "Protection Officer from an address at your school.": (
        "Nid oes rhaid i chi aros am y dyddiadau uchod. Fel rheolydd, gall eich ysgol ofyn i "
        "ni ddileu ei data yn gynt. Rydym yn gwneud hynny heb oedi gormodol, sydd fel arfer yn "
        "golygu o fewn tua mis i'ch cais (Erthyglau 17 a 19 GDPR y DU). Anfonwch y cais at ein "
        "Swyddog Diogelu Data o gyfeiriad yn eich ysgol."
    ),
    "If you ask, we will confirm in writing that all of your school's personal data has been "
    "completely deleted. Ask our Data Protection Officer for a certificate of deletion.": (
        "Os byddwch yn gofyn, byddwn yn cadarnhau yn ysgrifenedig fod holl ddata personol eich "
        "ysgol wedi'i ddileu'n llwyr. Gofynnwch i'n Swyddog Diogelu Data am dystysgrif "
        "dileu."
    ),
    "Illustrative demo data: seed 001 gives the 30-day rule (line 300) and automated "
    "point-in-time backups that follow 'AWS best-practice retention' (lines 318, 324), but no "
    "backup retention period. Add the real period (for example the RDS backup retention "
    "setting) and then a 'Backups gone' stage counted from 'data-destroyed'.": (
        "Data demo enghreifftiol: mae seed 001 yn rhoi'r rheol 30 diwrnod (llinell 300) a "
        "chopïau wrth gefn awtomatig i bwynt mewn amser sy'n dilyn 'AWS best-practice "
        "retention' (llinellau 318, 324), ond dim cyfnod cadw ar gyfer y copïau wrth gefn. "
        "Ychwanegwch y cyfnod go iawn (er enghraifft, gosodiad cadw copïau wrth gefn RDS) ac "
        "yna gam 'Dim copïau wrth gefn ar ôl' sy'n cyfrif o 'data-destroyed'."
    ),
    "<b>Backups.</b> Our DPIA for Communications Hub does not describe backups or say how "
    "long backup copies are kept, so we cannot give you a date by which no backup copy "
    "remains. Ask our Data Protection Officer.": (
        "<b>Copïau wrth gefn.</b> Nid yw ein AEDD ar gyfer Communications Hub yn disgrifio "
        "copïau wrth gefn nac yn dweud am ba hyd y cânt eu cadw, felly ni allwn roi dyddiad i "
        "chi pan na fydd unrhyw gopi wrth gefn ar ôl. Gofynnwch i'n Swyddog Diogelu Data."
    ),
    "We destroy your school's data in the service. This date does not cover backup copies: "
    "our DPIA for Communications Hub does not say how long they are kept.": (
        "Rydym yn dinistrio data eich ysgol yn y gwasanaeth. Nid yw'r dyddiad hwn yn cynnwys "
        "copïau wrth gefn: nid yw ein AEDD ar gyfer Communications Hub yn dweud am ba hyd y "
        "cânt eu cadw."
    ),
    "Illustrative demo data: seed 004 gives the 30-day rule (line 278) and nothing about "
    "backups. Find out whether Communications Hub has backups and how long they are kept, "
    "then state it here (and add a 'Backups gone' stage if there is a fixed period).": (
        "Data demo enghreifftiol: mae seed 004 yn rhoi'r rheol 30 diwrnod (llinell 278) a dim "
        "byd am gopïau wrth gefn. Darganfyddwch a oes gan Communications Hub gopïau wrth gefn "
        "ac am ba hyd y cânt eu cadw, yna nodwch hynny yma (ac ychwanegwch gam 'Dim copïau "
        "wrth gefn ar ôl' os oes cyfnod penodol)."
    ),
}


def product_titles(name):
    """The titles of a product's three pages (the product's name stays as it is)."""
    return {
        name: name,
        f"How we keep {name} data safe": f"Sut rydym yn cadw data {name} yn ddiogel",
        f"When will our {name} data be deleted?": f"Pryd bydd ein data {name} yn cael ei ddileu?",
    }


ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WELSH_MONTHS = [
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
]  # fmt: skip
MONTHS = dict(zip(ENGLISH_MONTHS, WELSH_MONTHS, strict=True))


def welsh_date(text):
    """'25 November 2026' in Welsh: '25 Tachwedd 2026'."""
    day, month, year = text.split()
    return f"{day} {MONTHS[month]} {year}"


# Who the DPO is, as the organisation settings name them, after "our" ("ein").
DPO_NAMES = {"Group Data Protection Officer": "Swyddog Diogelu Data ein Grŵp"}


def accessibility_statement(org):
    """The accessibility statement's segments, which quote the organisation settings (`org`):
    its name, the DPO's name and email address."""
    name = org.organisation_name
    email = f'<a id="a1">{org.dpo_email}</a>'
    dpo = DPO_NAMES.get(org.dpo_name, f"ein {org.dpo_name}")
    prepared = accessibility.PREPARED
    wedi_paratoi = welsh_date(prepared)
    return {
        "Accessibility statement": "Datganiad hygyrchedd",
        f"How accessible the {name} Trust Hub is (WCAG 2.2 AA), what does not work yet, and "
        "how to report a problem or ask for another format.": (
            f"Pa mor hygyrch yw Trust Hub {name} (WCAG 2.2 AA), beth nad yw'n gweithio eto, a "
            "sut i roi gwybod am broblem neu ofyn am fformat arall."
        ),
        "How accessible this website is, what we know does not work yet, and how to tell us "
        "about a problem or ask for information in another format.": (
            "Pa mor hygyrch yw'r wefan hon, beth rydym yn gwybod nad yw'n gweithio eto, a sut i "
            "roi gwybod i ni am broblem neu ofyn am wybodaeth mewn fformat arall."
        ),
        f"This accessibility statement applies to the {name} Trust Hub: the pages that "
        "describe our products' privacy, security and retention, the sub-processor register, "
        "its change notices and feeds, and the documents you can download from them.": (
            f"Mae'r datganiad hygyrchedd hwn yn berthnasol i Trust Hub {name}: y tudalennau sy'n "
            "disgrifio preifatrwydd, diogelwch a chyfnodau cadw ein cynhyrchion, y gofrestr "
            "is-broseswyr, ei hysbysiadau newid a'i ffrydiau, a'r dogfennau y gallwch eu "
            "lawrlwytho oddi yno."
        ),
        f"This website is run by {name}. We want as many people as possible to be able to use "
        "it. For example, that means you should be able to:": (
            f"{name} sy'n rhedeg y wefan hon. Rydym am i gynifer o bobl â phosibl allu ei "
            "defnyddio. Er enghraifft, mae hynny'n golygu y dylech allu:"
        ),
        "change colours, contrast levels and fonts using browser or device settings": (
            "newid lliwiau, lefelau cyferbyniad a ffontiau drwy osodiadau'r porwr neu'r ddyfais"
        ),
        "zoom in up to 400% without the text spilling off the screen": (
            "chwyddo hyd at 400% heb i'r testun ddiflannu oddi ar y sgrin"
        ),
        "navigate most of the website using just a keyboard or speech recognition software": (
            "llywio'r rhan fwyaf o'r wefan gan ddefnyddio bysellfwrdd yn unig neu feddalwedd "
            "adnabod lleferydd"
        ),
        "listen to the website using a screen reader (including the most recent versions of "
        "JAWS, NVDA and VoiceOver)": (
            "gwrando ar y wefan gan ddefnyddio darllenydd sgrin (gan gynnwys y fersiynau "
            "diweddaraf o JAWS, NVDA a VoiceOver)"
        ),
        "use every page without JavaScript: forms, filters and the retention date calculator "
        "work without it": (
            "defnyddio pob tudalen heb JavaScript: mae'r ffurflenni, yr hidlyddion a'r "
            "cyfrifiannell dyddiadau cadw yn gweithio hebddo"
        ),
        "We have also made the website text as simple as possible to understand.": (
            "Rydym hefyd wedi gwneud testun y wefan mor syml â phosibl i'w ddeall."
        ),
        '<a id="a1">AbilityNet</a> has advice on making your device easier to use if you '
        "have a disability.": (
            'Mae gan <a id="a1">AbilityNet</a> gyngor ar wneud eich dyfais yn haws i\'w '
            "defnyddio os oes gennych anabledd."
        ),
        "How accessible this website is": "Pa mor hygyrch yw'r wefan hon",
        "We know some parts of this website are not fully accessible:": (
            "Rydym yn gwybod nad yw rhai rhannau o'r wefan hon yn gwbl hygyrch:"
        ),
        "some PDF documents, such as DPIA documents offered for download and the printable "
        "evidence packs, may not be fully tagged, so screen reader users may find their "
        "headings and tables harder to navigate": (
            "efallai na fydd rhai dogfennau PDF, fel yr AEDDau sydd ar gael i'w lawrlwytho a'r "
            "pecynnau tystiolaeth i'w hargraffu, wedi'u tagio'n llawn, felly gall defnyddwyr "
            "darllenwyr sgrin ei chael yn anoddach llywio drwy eu penawdau a'u tablau"
        ),
        "diagrams of how data flows between us and our sub-processors can be hard to follow "
        "with a screen reader or at high zoom; the same information is always given in text "
        "and tables on the page": (
            "gall diagramau o sut mae data'n llifo rhyngom ni a'n his-broseswyr fod yn anodd eu "
            "dilyn gyda darllenydd sgrin neu wrth chwyddo'n fawr; mae'r un wybodaeth bob amser "
            "ar gael mewn testun a thablau ar y dudalen"
        ),
        "links to our sub-processors' privacy notices go to other organisations' websites, "
        "which we do not control": (
            "mae dolenni i hysbysiadau preifatrwydd ein his-broseswyr yn mynd i wefannau "
            "sefydliadau eraill, nad ydym yn eu rheoli"
        ),
        "Feedback and contact information": "Adborth a gwybodaeth gyswllt",
        "If you need information on this website in a different format, such as an accessible "
        "PDF, large print, easy read, an audio recording or braille, email our "
        f"{org.dpo_name} at {email}.": (
            "Os oes angen gwybodaeth arnoch o'r wefan hon mewn fformat gwahanol, fel PDF "
            "hygyrch, print bras, hawdd ei ddeall, recordiad sain neu braille, anfonwch e-bost "
            f"at {dpo} yn {email}."
        ),
        "We will consider your request and get back to you within 5 working days. A document "
        "in another format may take up to 10 working days.": (
            "Byddwn yn ystyried eich cais ac yn cysylltu â chi o fewn 5 diwrnod gwaith. Gall "
            "gymryd hyd at 10 diwrnod gwaith i baratoi dogfen mewn fformat arall."
        ),
        "Reporting accessibility problems with this website": (
            "Rhoi gwybod am broblemau hygyrchedd gyda'r wefan hon"
        ),
        "We are always looking to improve the accessibility of this website. If you find any "
        "problems not listed on this page, or think we are not meeting accessibility "
        f"requirements, email {email}. Tell us the address of the page and what went wrong; "
        "we will reply within 5 working days.": (
            "Rydym bob amser yn ceisio gwella hygyrchedd y wefan hon. Os byddwch yn dod o hyd i "
            "unrhyw broblemau nad ydynt wedi'u rhestru ar y dudalen hon, neu os ydych yn "
            f"meddwl nad ydym yn bodloni'r gofynion hygyrchedd, anfonwch e-bost at {email}. "
            "Dywedwch wrthym beth yw cyfeiriad y dudalen a beth aeth o'i le; byddwn yn ateb o "
            "fewn 5 diwrnod gwaith."
        ),
        "Enforcement procedure": "Gweithdrefn orfodi",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018 (the 'accessibility regulations'). If you are not happy with how we "
        "respond to your complaint, contact the "
        '<a id="a1">Equality Advisory and Support Service (EASS)</a>.': (
            "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi Rheoliadau "
            "Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018 "
            "(y 'rheoliadau hygyrchedd'). Os nad ydych yn fodlon â'r ffordd rydym yn ymateb i'ch "
            "cwyn, cysylltwch â'r "
            '<a id="a1">Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)</a>.'
        ),
        "We are not a public sector body ourselves, but the schools and trusts we work for "
        "are, so we follow the same regulations and publish this statement in the same "
        "format.": (
            "Nid ydym yn gorff sector cyhoeddus ein hunain, ond mae'r ysgolion a'r "
            "ymddiriedolaethau rydym yn gweithio iddynt yn gyrff o'r fath, felly rydym yn dilyn "
            "yr un rheoliadau ac yn cyhoeddi'r datganiad hwn yn yr un fformat."
        ),
        "Technical information about this website's accessibility": (
            "Gwybodaeth dechnegol am hygyrchedd y wefan hon"
        ),
        f"{name} is committed to making its website accessible, in accordance with the Public "
        "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations "
        "2018.": (
            f"Mae {name} wedi ymrwymo i sicrhau bod ei gwefan yn hygyrch, yn unol â Rheoliadau "
            "Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018."
        ),
        "Compliance status": "Statws cydymffurfio",
        'This website is partially compliant with the <a id="a1">Web Content Accessibility '
        "Guidelines version 2.2</a> AA standard, due to the non-compliances listed below.": (
            "Mae'r wefan hon yn cydymffurfio'n rhannol â safon AA "
            '<a id="a1">Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2</a>, oherwydd yr '
            "achosion o beidio â chydymffurfio a restrir isod."
        ),
        "Non-accessible content": "Cynnwys nad yw'n hygyrch",
        "PDF documents: some PDFs may not be fully tagged with headings, lists and table "
        "structure. This fails WCAG 2.2 success criterion 1.3.1 (Info and relationships). "
        "Everything in them is also on the website's pages, which meet it.": (
            "Dogfennau PDF: efallai na fydd rhai PDFs wedi'u tagio'n llawn â phenawdau, rhestrau "
            "a strwythur tablau. Nid yw hyn yn bodloni maen prawf llwyddiant 1.3.1 WCAG 2.2 "
            "(Gwybodaeth a chydberthnasau). Mae popeth sydd ynddynt hefyd ar dudalennau'r "
            "wefan, sy'n ei fodloni."
        ),
        "Diagrams: a data-flow diagram is described by the text and tables around it rather "
        "than by its own text alternative in full, which may not meet WCAG 2.2 success "
        "criterion 1.1.1 (Non-text content) for every detail.": (
            "Diagramau: caiff diagram llif data ei ddisgrifio gan y testun a'r tablau o'i "
            "gwmpas yn hytrach na chan ei destun amgen llawn ei hun, ac felly efallai na fydd "
            "yn bodloni maen prawf llwyddiant 1.1.1 WCAG 2.2 (Cynnwys nad yw'n destun) ym mhob "
            "manylyn."
        ),
        "What we are doing to improve accessibility": ("Beth rydym yn ei wneud i wella hygyrchedd"),
        "Every kind of public page on this website is checked automatically against WCAG 2.2 "
        "AA with axe-core, in a real browser, whenever the website changes; a change that "
        "fails is not released. We are working on fully tagged PDFs.": (
            "Caiff pob math o dudalen gyhoeddus ar y wefan hon ei gwirio'n awtomatig yn erbyn "
            "WCAG 2.2 AA gydag axe-core, mewn porwr go iawn, bob tro y bydd y wefan yn newid; "
            "ni chaiff newid sy'n methu ei ryddhau. Rydym yn gweithio ar PDFs wedi'u tagio'n "
            "llawn."
        ),
        "Preparation of this accessibility statement": "Paratoi'r datganiad hygyrchedd hwn",
        f"This statement was prepared on {prepared}. It was last reviewed on {prepared}.": (
            f"Paratowyd y datganiad hwn ar {wedi_paratoi}. Cafodd ei adolygu ddiwethaf ar "
            f"{wedi_paratoi}."
        ),
        f"This website was last tested on {prepared}. The test was carried out by {name}: "
        "automated checks of every kind of public page with axe-core, and manual checks with a "
        "keyboard, at 400% zoom and with screen readers.": (
            f"Profwyd y wefan hon ddiwethaf ar {wedi_paratoi}. {name} a gynhaliodd y prawf: "
            "gwiriadau awtomatig o bob math o dudalen gyhoeddus gydag axe-core, a gwiriadau â "
            "llaw gyda bysellfwrdd, wrth chwyddo 400% a gyda darllenwyr sgrin."
        ),
        accessibility.INTERNAL_NOTE: (
            f"Data demo enghreifftiol: nid yw'r dyddiadau paratoi a phrofi ({wedi_paratoi}), y "
            "gwiriadau â llaw (bysellfwrdd, chwyddo 400%, darllenwyr sgrin), y 5 diwrnod gwaith "
            "i ateb na'r 10 diwrnod gwaith ar gyfer dogfen mewn fformat arall yn dod o'r AEDDau "
            "a roddwyd fel hadau (seeds). Cadarnhewch nhw (a gwnewch y gwiriadau â llaw eto) cyn "
            "mynd yn fyw. Mae'r hyn y mae'r datganiad yn ei ddweud am wiriadau awtomatig yn wir "
            "am y wefan hon: mae profion y porwr yn gwirio pob math o dudalen gyhoeddus gydag "
            "axe-core yn erbyn WCAG 2.2 AA. Os bydd manylion cyswllt y Swyddog Diogelu Data yn "
            "newid, diweddarwch nhw yma hefyd: mae'r datganiad yn eu dyfynnu."
        ),
    }


def all_pages(org, slugs):
    """Every demo page's Welsh, in one dict: a segment that several pages share (a product's
    name, "First published.", a data subject) gets the same Welsh on each. `slugs` are the
    demo pages' slugs, which stay as they are."""
    welsh = {**FIRST_PUBLISHED, **identity(*slugs)}
    for spec in PRODUCTS:
        welsh.update(product_titles(spec["title"]))
        welsh.update(covered_by_company_controls(spec["title"]))
    for words in (
        HOME,
        PRODUCTS_INDEX,
        COMPANY_SECURITY,
        PUPIL_PROGRESS,
        PUPIL_PROGRESS_SECURITY,
        PUPIL_PROGRESS_RETENTION,
        COMMUNICATIONS_HUB_SECURITY,
        CONTRACT_RETENTION,
        accessibility_statement(org),
    ):
        welsh.update(words)
    return welsh
