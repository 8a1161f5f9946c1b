"""The accessibility statement, which quotes the organisation settings."""

from .. import accessibility

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
