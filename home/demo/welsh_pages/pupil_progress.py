"""Pupil Progress: its privacy summary, security statement and retention page."""

from .common import identity

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
