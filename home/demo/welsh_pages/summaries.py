"""The other products' privacy summaries (Juniper MIS, Pupil Asset, Communications Hub)."""

SOFTWARE_WE_OPERATE = (
    "It runs on MySQL, the Apache HTTP Server web server and S3/NFS file storage, all inside "
    "our AWS hosting. Apache and MySQL are software we operate ourselves, not suppliers: no "
    "data goes through them to any third party, and they are not sub-processors.",
    "Mae'n rhedeg ar MySQL, ar y gweinydd gwe Apache HTTP Server ac ar storfa ffeiliau "
    "S3/NFS, a'r cyfan o fewn ein lletya yn AWS. Meddalwedd rydym yn ei rhedeg ein hunain yw "
    "Apache a MySQL, nid cyflenwyr: nid oes unrhyw ddata'n mynd drwyddynt i unrhyw drydydd "
    "parti, ac nid ydynt yn is-broseswyr.",
)


def software_we_operate(english, welsh):
    """The paragraph on the software we run ourselves: `english` (what it is) and its `welsh`,
    then the words every such paragraph ends with (products.demo.summaries)."""
    return {f"{english} {SOFTWARE_WE_OPERATE[0]}": f"{welsh} {SOFTWARE_WE_OPERATE[1]}"}


# What the three summaries share: data subjects, a data source, the hosting stack.
SUMMARIES_SHARED = {
    "Parents and carers": "Rhieni a gofalwyr",
    "Staff": "Staff",
    "Your school": "Eich ysgol",
    "Networking: Amazon Elastic Load Balancing": "Rhwydweithio: Amazon Elastic Load Balancing",
    "Compute: Amazon EC2": "Cyfrifiadura: Amazon EC2",
    "Cache: Amazon ElastiCache (Redis)": "Storfa dros dro: Amazon ElastiCache (Redis)",
    "Database: Amazon RDS Aurora": "Cronfa ddata: Amazon RDS Aurora",
    "Files: Amazon S3": "Ffeiliau: Amazon S3",
    "Software we operate ourselves": "Meddalwedd rydym yn ei rhedeg ein hunain",
}

# What the summaries of Juniper MIS and Pupil Asset share (one DPIA covers both).
MIS_SHARED = {
    "Including vulnerable pupils.": "Gan gynnwys disgyblion sy'n agored i niwed.",
    "And emergency contacts.": "A chysylltiadau mewn argyfwng.",
    "Employees, volunteers and governors.": "Cyflogeion, gwirfoddolwyr a llywodraethwyr.",
    "Identity and contact details": "Manylion adnabod a chyswllt",
    "Names, identifiers, addresses, phone numbers and email addresses.": (
        "Enwau, dynodwyr, cyfeiriadau, rhifau ffôn a chyfeiriadau e-bost."
    ),
    "Attendance, assessment and behaviour": "Presenoldeb, asesu ac ymddygiad",
    "Attendance records, assessment results and behaviour records.": (
        "Cofnodion presenoldeb, canlyniadau asesu a chofnodion ymddygiad."
    ),
    "Financial information": "Gwybodaeth ariannol",
    "For example eligibility for free school meals and payments.": (
        "Er enghraifft, cymhwysedd i gael prydau ysgol am ddim, a thaliadau."
    ),
    "Photographs": "Ffotograffau",
    "Pupil and staff photographs for identification.": (
        "Ffotograffau o ddisgyblion a staff, i'w hadnabod."
    ),
    "Medical and health information": "Gwybodaeth feddygol ac iechyd",
    "Medical conditions, disabilities and special educational needs.": (
        "Cyflyrau meddygol, anableddau ac anghenion addysgol arbennig."
    ),
    "Ethnicity, religion and beliefs": "Ethnigrwydd, crefydd a chredoau",
    "Collected by schools, for example for statutory census returns.": (
        "Mae ysgolion yn casglu'r wybodaeth hon, er enghraifft ar gyfer ffurflenni statudol y "
        "cyfrifiad ysgolion."
    ),
    "Biometric information": "Gwybodaeth fiometrig",
    "Only where a school uses biometric identification, for example for cashless catering.": (
        "Dim ond pan fydd ysgol yn defnyddio dulliau adnabod biometrig, er enghraifft ar gyfer "
        "talu am brydau heb arian parod."
    ),
    "Keeping the school's records": "Cadw cofnodion yr ysgol",
    "So the school can record information and run the processes its policies require.": (
        "Er mwyn i'r ysgol allu cofnodi gwybodaeth a rhedeg y prosesau y mae ei pholisïau yn "
        "gofyn amdanynt."
    ),
    "Safeguarding and welfare": "Diogelu a lles",
    "Keeping children safe, including reaching the right contact in an emergency.": (
        "Cadw plant yn ddiogel, gan gynnwys cysylltu â'r person cywir mewn argyfwng."
    ),
    "Statutory returns": "Ffurflenni statudol",
    "Helping the school send the census and other returns it must make.": (
        "Helpu'r ysgol i anfon y cyfrifiad ysgolion a'r ffurflenni eraill y mae'n rhaid iddi "
        "eu cyflwyno."
    ),
    "Highlighting trends": "Tynnu sylw at dueddiadau",
    "Machine learning that points out trends and suggests interventions.": (
        "Dysgu peirianyddol sy'n tynnu sylw at dueddiadau ac yn awgrymu ymyriadau."
    ),
    "Running the school and educating pupils.": "Rhedeg yr ysgol ac addysgu disgyblion.",
    "Statutory records and returns.": "Cofnodion a ffurflenni statudol.",
    "Staff employment and our contract with the school.": (
        "Cyflogi staff, a'n contract gyda'r ysgol."
    ),
    "Emergency contact and medical details.": (
        "Manylion cyswllt mewn argyfwng a manylion meddygol."
    ),
    "Where the school asks for consent, for example for photographs.": (
        "Pan fydd yr ysgol yn gofyn am gydsyniad, er enghraifft ar gyfer ffotograffau."
    ),
    "Schools obtain explicit consent where they rely on it, for example for biometric "
    "identification.": (
        "Mae ysgolion yn cael cydsyniad penodol pan fyddant yn dibynnu arno, er enghraifft ar "
        "gyfer adnabod biometrig."
    ),
    "Data your staff enter or import.": (
        "Data y mae eich staff yn eu rhoi yn y system neu'n eu mewnforio."
    ),
    "The local authority": "Yr awdurdod lleol",
    "For example admissions data and common transfer files.": (
        "Er enghraifft, data derbyn a ffeiliau trosglwyddo cyffredin (CTF)."
    ),
    "Machine-learning services look across the school's data to highlight trends and suggest "
    "interventions that may help a pupil learn or remove a barrier to learning.": (
        "Mae gwasanaethau dysgu peirianyddol yn edrych ar draws data'r ysgol i dynnu sylw at "
        "dueddiadau ac i awgrymu ymyriadau a allai helpu disgybl i ddysgu neu gael gwared ar "
        "rwystr i'w ddysgu."
    ),
    "Suggestions are for staff to consider: no decision about a pupil is made automatically, "
    "and staff stay in control of every intervention.": (
        "Awgrymiadau i staff eu hystyried ydynt: nid oes unrhyw benderfyniad am ddisgybl yn cael "
        "ei wneud yn awtomatig, ac mae staff yn parhau i reoli pob ymyriad."
    ),
}

JUNIPER_MIS = {
    "Our cloud management information system for schools and trusts: the record of pupils, "
    "parents and carers, staff and the school.": (
        "Ein system gwybodaeth reoli yn y cwmwl ar gyfer ysgolion ac ymddiriedolaethau: y "
        "cofnod o ddisgyblion, rhieni a gofalwyr, staff a'r ysgol."
    ),
    "Juniper MIS is a cloud-based management information system for schools and "
    "multi-academy trusts. It is the record of everyone connected with the school: pupils, "
    "parents and carers, staff and professionals who work with the school. Schools use it to "
    "record information and run the processes their policies need. It is the successor to "
    "Pupil Asset, and our migration tooling moves a school's data across.": (
        "System gwybodaeth reoli yn y cwmwl yw Juniper MIS, ar gyfer ysgolion ac "
        "ymddiriedolaethau aml-academi. Dyma'r cofnod o bawb sydd â chysylltiad â'r ysgol: "
        "disgyblion, rhieni a gofalwyr, staff a gweithwyr proffesiynol sy'n gweithio gyda'r "
        "ysgol. Mae ysgolion yn ei defnyddio i gofnodi gwybodaeth ac i redeg y prosesau y mae "
        "eu polisïau yn gofyn amdanynt. Hi yw olynydd Pupil Asset, ac mae ein hoffer mudo yn "
        "symud data ysgol iddi."
    ),
    "Linked professionals": "Gweithwyr proffesiynol cysylltiedig",
    "People who work with the school professionally, such as social workers and health "
    "professionals.": (
        "Pobl sy'n gweithio gyda'r ysgol yn broffesiynol, fel gweithwyr cymdeithasol a "
        "gweithwyr iechyd proffesiynol."
    ),
    "Pupil Asset, via our migration tooling": "Pupil Asset, drwy ein hoffer mudo",
    "When a school moves from Pupil Asset to Juniper MIS.": (
        "Pan fydd ysgol yn symud o Pupil Asset i Juniper MIS."
    ),
    "Juniper MIS runs on Amazon Web Services in the UK:": (
        "Mae Juniper MIS yn rhedeg ar Amazon Web Services yn y DU:"
    ),
    **software_we_operate(
        "Our data migration (ETL) tooling moves a school's data from Pupil Asset into Juniper MIS.",
        "Mae ein hoffer mudo data (ETL) yn symud data ysgol o Pupil Asset i Juniper MIS.",
    ),
    "Illustrative demo data: the examples in the data categories (free school meals, "
    "biometric cashless catering, census returns) and the lawful-basis explanations are our "
    "wording. Seed 001 gives tick lists only. The hosting stack and the migration tooling "
    "(MySQL, Apache HTTP Server, S3/NFS) come from seed 001 lines 170-198.": (
        "Data demo enghreifftiol: ein geiriad ni yw'r enghreifftiau yn y categorïau data "
        "(prydau ysgol am ddim, talu am brydau'n fiometrig heb arian parod, ffurflenni'r "
        "cyfrifiad) a'r esboniadau o'r sail gyfreithlon. Rhestrau ticio yn unig sydd yn seed "
        "001. Daw'r lletya a'r offer mudo (MySQL, Apache HTTP Server, S3/NFS) o seed 001, "
        "llinellau 170-198."
    ),
}

PUPIL_ASSET = {
    "Our established school MIS, used by schools that have not yet moved to Juniper MIS.": (
        "Ein system gwybodaeth reoli (MIS) sefydledig ar gyfer ysgolion, a ddefnyddir gan "
        "ysgolion sydd heb symud i Juniper MIS eto."
    ),
    "Pupil Asset is our established management information system for schools and trusts. "
    "It holds the school's records about pupils, parents and carers and staff, and supports "
    "the school's day-to-day processes. Schools are moving from Pupil Asset to Juniper MIS; "
    "both are covered by the same DPIA.": (
        "Pupil Asset yw ein system gwybodaeth reoli sefydledig ar gyfer ysgolion ac "
        "ymddiriedolaethau. Mae'n cadw cofnodion yr ysgol am ddisgyblion, rhieni a gofalwyr a "
        "staff, ac yn cefnogi prosesau bob dydd yr ysgol. Mae ysgolion yn symud o Pupil Asset "
        "i Juniper MIS; mae'r un AEDD yn cwmpasu'r ddwy system."
    ),
    "Pupil Asset runs on Amazon Web Services in the UK:": (
        "Mae Pupil Asset yn rhedeg ar Amazon Web Services yn y DU:"
    ),
    "Networking: AWS Application Load Balancer": "Rhwydweithio: AWS Application Load Balancer",
    "Compute: Amazon EKS (Kubernetes)": "Cyfrifiadura: Amazon EKS (Kubernetes)",
    "Database: Amazon RDS": "Cronfa ddata: Amazon RDS",
    **software_we_operate(
        "When a school moves to Juniper MIS, our data migration (ETL) tooling reads its Pupil "
        "Asset data and moves it across.",
        "Pan fydd ysgol yn symud i Juniper MIS, mae ein hoffer mudo data (ETL) yn darllen ei "
        "data yn Pupil Asset ac yn ei symud i'r system newydd.",
    ),
    "Illustrative demo data: the examples in the data categories and the lawful-basis "
    "explanations are our wording (seed 001 gives tick lists only). The hosting stack (seed "
    "001 lines 200-210) leaves out the struck-through 'Storage S3 and encrypted network file "
    "storage' line. The migration tooling comes from lines 67 and 190-198.": (
        "Data demo enghreifftiol: ein geiriad ni yw'r enghreifftiau yn y categorïau data a'r "
        "esboniadau o'r sail gyfreithlon (rhestrau ticio yn unig sydd yn seed 001). Mae'r "
        "rhestr lletya (seed 001, llinellau 200-210) yn gadael allan y llinell 'Storage S3 and "
        "encrypted network file storage', sydd wedi'i chroesi allan. Daw'r offer mudo o "
        "linellau 67 a 190-198."
    ),
}

COMMUNICATIONS_HUB = {
    "One place for a school to message parents and carers by app, email and SMS.": (
        "Un lle i ysgol anfon negeseuon at rieni a gofalwyr drwy ap, e-bost a neges destun (SMS)."
    ),
    "Communications Hub is our cloud parental engagement system for schools and trusts. It "
    "brings every way of contacting parents and carers into one interface and picks the "
    "delivery route from each parent's contact details, so messages arrive and costs stay "
    "low. It works alongside Juniper MIS and our other products.": (
        "Communications Hub yw ein system yn y cwmwl ar gyfer ymgysylltu â rhieni, i ysgolion "
        "ac ymddiriedolaethau. Mae'n dod â phob ffordd o gysylltu â rhieni a gofalwyr at ei "
        "gilydd mewn un rhyngwyneb, ac yn dewis sut i anfon pob neges yn ôl manylion cyswllt "
        "pob rhiant, fel bod negeseuon yn cyrraedd a bod costau'n aros yn isel. Mae'n gweithio "
        "ochr yn ochr â Juniper MIS a'n cynhyrchion eraill."
    ),
    "Named in messages about them.": "Yn cael eu henwi mewn negeseuon amdanynt.",
    "Who receive messages.": "Sy'n cael negeseuon.",
    "Who send messages, and may receive them.": ("Sy'n anfon negeseuon, ac a allai eu cael hefyd."),
    "Identity details": "Manylion adnabod",
    "Names and the relationships between pupils and contacts.": (
        "Enwau, a'r berthynas rhwng disgyblion a'u cysylltiadau."
    ),
    "Contact details": "Manylion cyswllt",
    "Email addresses, mobile numbers and contact preferences.": (
        "Cyfeiriadau e-bost, rhifau ffôn symudol a dewisiadau cyswllt."
    ),
    "Messages": "Negeseuon",
    "The content of messages and their delivery status.": (
        "Cynnwys negeseuon, ac a ydynt wedi'u danfon."
    ),
    "Keeping parents and carers informed": "Rhoi'r wybodaeth ddiweddaraf i rieni a gofalwyr",
    "Sending news about their child and the wider school.": (
        "Anfon newyddion am eu plentyn ac am yr ysgol yn gyffredinol."
    ),
    "Delivering messages reliably": "Danfon negeseuon yn ddibynadwy",
    "Choosing app, email or SMS from the contact data the school holds.": (
        "Dewis ap, e-bost neu SMS yn ôl y data cyswllt sydd gan yr ysgol."
    ),
    "Communicating with families about their children's education.": (
        "Cyfathrebu â theuluoedd am addysg eu plant."
    ),
    "Providing the service under our contract with your school.": (
        "Darparu'r gwasanaeth o dan ein contract gyda'ch ysgol."
    ),
    "Where the school relies on consent, for example for optional messages.": (
        "Pan fydd yr ysgol yn dibynnu ar gydsyniad, er enghraifft ar gyfer negeseuon dewisol."
    ),
    "Urgent messages to protect a pupil's safety.": ("Negeseuon brys i gadw disgybl yn ddiogel."),
    "Directly, for schools using our MIS.": (
        "Yn uniongyrchol, ar gyfer ysgolion sy'n defnyddio ein MIS."
    ),
    "Another MIS, via Wonde": "MIS arall, drwy Wonde",
    "For schools using a different MIS, on the school's instruction.": (
        "Ar gyfer ysgolion sy'n defnyddio MIS gwahanol, ar gyfarwyddyd yr ysgol."
    ),
    "Manual upload": "Llwytho i fyny â llaw",
    "Through the Juniper Portal.": "Drwy'r Juniper Portal.",
    "Communications Hub runs on Amazon Web Services in the UK:": (
        "Mae Communications Hub yn rhedeg ar Amazon Web Services yn y DU:"
    ),
    **software_we_operate(
        "Our DPIA for Communications Hub also lists our data import (ETL) tooling, which takes "
        "data from a source and passes it on to Juniper MIS.",
        "Mae ein AEDD ar gyfer Communications Hub hefyd yn rhestru ein hoffer mewnforio data "
        "(ETL), sy'n cymryd data o ffynhonnell ac yn ei drosglwyddo i Juniper MIS.",
    ),
    "Illustrative demo data: seed 004 describes the data as 'identity and contact details' "
    "(line 154). The 'Messages' category, the data-subject descriptions and the lawful-basis "
    "explanations are our wording. Hosting and the ETL tooling (MySQL, Apache HTTP Server) "
    "come from seed 004 lines 162-188.": (
        "Data demo enghreifftiol: mae seed 004 yn disgrifio'r data fel 'manylion adnabod a "
        "chyswllt' (llinell 154). Ein geiriad ni yw'r categori 'Negeseuon', y disgrifiadau o'r "
        "gwrthrychau data a'r esboniadau o'r sail gyfreithlon. Daw'r lletya a'r offer ETL "
        "(MySQL, Apache HTTP Server) o seed 004, llinellau 162-188."
    ),
}


def product_titles(name):
    """The titles of a product's three pages (the product's name stays as it is)."""
    return {
        name: name,
        f"How we keep {name} data safe": f"Sut rydym yn cadw data {name} yn ddiogel",
        f"When will our {name} data be deleted?": f"Pryd bydd ein data {name} yn cael ei ddileu?",
    }
