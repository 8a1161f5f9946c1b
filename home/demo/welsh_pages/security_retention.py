"""The other products' security statements and retention pages."""


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


# The privacy summaries of Juniper MIS, Pupil Asset and Communications Hub.

# Their hosting sections end with the same words about the software we run ourselves.
