"""Welsh text for the demo register entries and change notices (issue 16).

Each dict maps the exact English value the demo stores (entries.py, security_recipients.py,
facts.py, notices.py) to its Welsh. Keys are what wagtail-localize extracts as a segment: a
plain-text field's whole value, and for rich text each block element's inner HTML (the demo
notices have no `details` or `urgent_reason`, so none are needed yet).

- ENTRY_WELSH: Subprocessor `description`, `data_categories`, `role_note`, and each product
  use's (SubprocessorUse) `purpose` and `data_subjects`. Data subjects keep the English "; "
  separators and capitals: the register lowercases them mid-sentence.
- NOTICE_WELSH: ChangeNotice `title` and `summary`.

Supplier, product and company names are not translated. The Welsh is machine-assisted: the demo
saves it as machine translations, so the admin's translation editor marks every string for a
Welsh speaker to review.
"""

# A value several entries or uses share (facts.py) is listed once.
ENTRY_WELSH = {
    # Data subjects (facts.py and entries)
    "Pupils; school staff users": "Disgyblion; staff ysgol sy'n ddefnyddwyr",
    "School staff users": "Staff ysgol sy'n ddefnyddwyr",
    "Pupils; parents and carers; staff": "Disgyblion; rhieni a gofalwyr; staff",
    "Pupils; staff": "Disgyblion; staff",
    "Parents and carers; staff": "Rhieni a gofalwyr; staff",
    "School staff who are our customer contacts": ("Staff ysgol sy'n gysylltiadau cwsmeriaid i ni"),
    # Pupil Progress
    "Develops, hosts and supports the Pupil Progress application that we resell.": (
        "Yn datblygu, yn lletya ac yn cefnogi rhaglen Pupil Progress, yr ydym yn ei hailwerthu."
    ),
    "Pupil names and identifiers, attainment and progress data, pupil characteristics the "
    "school exports, staff user details": (
        "Enwau a dynodwyr disgyblion, data cyrhaeddiad a chynnydd, y nodweddion disgyblion y "
        "mae'r ysgol yn eu hallforio, manylion staff sy'n ddefnyddwyr"
    ),
    "Provides the pupil progress tracking application": (
        "Yn darparu'r rhaglen olrhain cynnydd disgyblion"
    ),
    # Groupcall Exporter
    "Extracts data from the school's MIS and transfers it to the application.": (
        "Yn echdynnu data o system MIS yr ysgol ac yn ei drosglwyddo i'r rhaglen."
    ),
    "Pupil and staff records exported from the school's MIS": (
        "Cofnodion disgyblion a staff wedi'u hallforio o system MIS yr ysgol"
    ),
    "Transfers data from the school's MIS to Pupil Progress": (
        "Yn trosglwyddo data o system MIS yr ysgol i Pupil Progress"
    ),
    # Amazon Web Services
    "Cloud hosting: servers, databases, storage and networking in UK data centres.": (
        "Lletya yn y cwmwl: gweinyddion, cronfeydd data, storio a rhwydweithio mewn canolfannau "
        "data yn y DU."
    ),
    "All data held in the product (stored encrypted)": (
        "Yr holl ddata a gedwir yn y cynnyrch (caiff ei storio wedi'i amgryptio)"
    ),
    "Hosts the Pupil Progress application": "Yn lletya rhaglen Pupil Progress",
    "Hosts Juniper MIS and our migration tooling": (
        "Yn lletya Juniper MIS a'n hadnoddau mudo data"
    ),
    "Hosts Pupil Asset": "Yn lletya Pupil Asset",
    "Hosts Communications Hub": "Yn lletya Communications Hub",
    # FRAM
    "Software development and technical support for Pupil Progress.": (
        "Datblygu meddalwedd a chymorth technegol ar gyfer Pupil Progress."
    ),
    "Application data, accessed only when needed for development and support": (
        "Data'r rhaglen, a gyrchir dim ond pan fo angen ar gyfer datblygu a chymorth"
    ),
    "Develops and supports Pupil Progress": "Yn datblygu ac yn cefnogi Pupil Progress",
    # Google
    "Email and communication services.": "Gwasanaethau e-bost a chyfathrebu.",
    "Names, email addresses and the content of messages": (
        "Enwau, cyfeiriadau e-bost a chynnwys negeseuon"
    ),
    "Sends and handles communications from the Pupil Progress app": (
        "Yn anfon ac yn trin cyfathrebiadau o ap Pupil Progress"
    ),
    # HubSpot
    "Customer relationship management.": "Rheoli perthnasoedd â chwsmeriaid.",
    "Names and business contact details of school contacts": (
        "Enwau a manylion cyswllt busnes cysylltiadau mewn ysgolion"
    ),
    "Records Pupil Progress customer information": (
        "Yn cofnodi gwybodaeth am gwsmeriaid Pupil Progress"
    ),
    # Product Fruits
    "In-app onboarding guides and help.": "Canllawiau cychwyn arni a chymorth o fewn yr ap.",
    "Staff user identifiers and how they use in-app guides": (
        "Dynodwyr staff sy'n ddefnyddwyr, a sut maen nhw'n defnyddio'r canllawiau o fewn yr ap"
    ),
    "In-app support for Pupil Progress users": (
        "Cymorth o fewn yr ap i ddefnyddwyr Pupil Progress"
    ),
    # Intercom (and Loom: the support data)
    "Customer support chat and help centre.": ("Sgwrsio cymorth i gwsmeriaid a chanolfan gymorth."),
    "Names and business contact details of school staff users; the content of support requests": (
        "Enwau a manylion cyswllt busnes staff ysgol sy'n ddefnyddwyr; cynnwys ceisiadau am gymorth"
    ),
    "Support chat for Pupil Progress users": "Sgwrsio cymorth i ddefnyddwyr Pupil Progress",
    # Loom
    "Recorded video walkthroughs for support.": (
        "Fideos cam wrth gam wedi'u recordio, ar gyfer cymorth."
    ),
    "Video support for Pupil Progress users": "Cymorth drwy fideo i ddefnyddwyr Pupil Progress",
    # Typeform
    "Online forms and surveys for support and feedback.": (
        "Ffurflenni ac arolygon ar-lein ar gyfer cymorth ac adborth."
    ),
    "Names, business email addresses and form answers": (
        "Enwau, cyfeiriadau e-bost busnes ac atebion i ffurflenni"
    ),
    "Support and feedback forms for Pupil Progress": (
        "Ffurflenni cymorth ac adborth ar gyfer Pupil Progress"
    ),
    # Thinkific
    "Online learning platform hosting our training academy.": (
        "Platfform dysgu ar-lein sy'n lletya ein hacademi hyfforddi."
    ),
    "Names, business email addresses and course progress of staff who take training": (
        "Enwau, cyfeiriadau e-bost busnes a chynnydd ar gyrsiau y staff sy'n dilyn hyfforddiant"
    ),
    "Hosts the Pupil Progress Academy for support": (
        "Yn lletya'r Pupil Progress Academy at ddibenion cymorth"
    ),
    # Department for Education (DfE)
    "Receives the statutory returns schools must make, such as the school census, as a "
    "controller in its own right.": (
        "Yn derbyn y ffurflenni statudol y mae'n rhaid i ysgolion eu cyflwyno, fel cyfrifiad yr "
        "ysgolion, fel rheolydd data yn ei hawl ei hun."
    ),
    "The data items each statutory return requires": (
        "Yr eitemau data sydd eu hangen ar gyfer pob ffurflen statudol"
    ),
    "Statutory returns submitted by the school": "Ffurflenni statudol a gyflwynir gan yr ysgol",
    # Wonde
    "Data integration platform. Shares the school's data with the apps the school chooses, "
    "on the school's instruction.": (
        "Platfform integreiddio data. Yn rhannu data'r ysgol â'r apiau y mae'r ysgol yn eu "
        "dewis, ar gyfarwyddyd yr ysgol."
    ),
    "The data sets the school authorises for each integration": (
        "Y setiau data y mae'r ysgol yn eu hawdurdodi ar gyfer pob integreiddiad"
    ),
    "Data sharing and statutory data flows the school sets up": (
        "Rhannu data a llifoedd data statudol y mae'r ysgol yn eu sefydlu"
    ),
    "Brings contact data from a school's own MIS": (
        "Yn dod â data cyswllt o system MIS yr ysgol ei hun"
    ),
    # New Relic
    "Receives performance and error data from the service so that we can monitor it; that "
    "data can include details of the people using it.": (
        "Yn derbyn data perfformiad a gwallau o'r gwasanaeth er mwyn i ni allu ei fonitro; gall "
        "y data hwnnw gynnwys manylion y bobl sy'n ei ddefnyddio."
    ),
    "Application monitoring. Our DPIA records a planned move to AWS CloudWatch; retiring New "
    "Relic will be announced with a change notice.": (
        "Monitro rhaglenni. Mae ein hasesiad effaith diogelu data (DPIA) yn cofnodi bwriad i "
        "symud i AWS CloudWatch; byddwn yn cyhoeddi hysbysiad newid cyn rhoi'r gorau i New "
        "Relic."
    ),
    "Performance and error data, which can include user identifiers, IP addresses and "
    "details in error messages": (
        "Data perfformiad a gwallau, a all gynnwys dynodwyr defnyddwyr, cyfeiriadau IP a "
        "manylion mewn negeseuon gwall"
    ),
    "Monitors the service's performance and errors": (
        "Yn monitro perfformiad a gwallau'r gwasanaeth"
    ),
    # FusionAuth
    "Provides sign-in and multi-factor authentication, so it holds users' sign-in details on "
    "our behalf.": (
        "Yn darparu mewngofnodi a dilysu aml-ffactor, felly mae'n cadw manylion mewngofnodi "
        "defnyddwyr ar ein rhan."
    ),
    "Sign-in, multi-factor authentication and role-based access control.": (
        "Mewngofnodi, dilysu aml-ffactor a rheoli mynediad yn ôl rôl."
    ),
    "User account details, multi-factor authentication details and sign-in history": (
        "Manylion cyfrifon defnyddwyr, manylion dilysu aml-ffactor a hanes mewngofnodi"
    ),
    "Sign-in and multi-factor authentication": "Mewngofnodi a dilysu aml-ffactor",
    # Network management provider
    "Manages the network configuration of our hosting with least-privilege administrative "
    "access. No data is sent to it, but its access could reach the data held there, so we "
    "treat it as a sub-processor.": (
        "Yn rheoli ffurfweddiad rhwydwaith ein gwasanaeth lletya, gyda mynediad gweinyddol ar "
        "sail y lleiafswm o freintiau. Ni anfonir unrhyw ddata ato, ond gallai ei fynediad "
        "gyrraedd y data a gedwir yno, felly rydym yn ei drin fel is-brosesydd."
    ),
    "A specialist provider that configures the network of our AWS hosting (firewalls and "
    "security groups).": (
        "Darparwr arbenigol sy'n ffurfweddu rhwydwaith ein gwasanaeth lletya AWS (waliau tân a "
        "grwpiau diogelwch)."
    ),
    "Nothing is sent to it; it has administrative access to the hosting network only": (
        "Ni anfonir dim ato; dim ond mynediad gweinyddol i'r rhwydwaith lletya sydd ganddo"
    ),
    "Manages the configuration of our hosting network": (
        "Yn rheoli ffurfweddiad ein rhwydwaith lletya"
    ),
    # External security testing provider
    "Tests our network and systems for weaknesses. It may come across personal data while "
    "testing, so we treat it as a sub-processor.": (
        "Yn profi ein rhwydwaith a'n systemau am wendidau. Gall ddod ar draws data personol wrth "
        "brofi, felly rydym yn ei drin fel is-brosesydd."
    ),
    "Regular vulnerability assessments of our network.": (
        "Asesiadau rheolaidd o wendidau ein rhwydwaith."
    ),
    "Technical information about our systems; any personal data only incidentally, never "
    "sent to it on purpose": (
        "Gwybodaeth dechnegol am ein systemau; unrhyw ddata personol yn achlysurol yn unig, heb "
        "ei anfon ato'n fwriadol byth"
    ),
    "Regular vulnerability assessments": "Asesiadau rheolaidd o wendidau",
    # Security monitoring (SIEM/SOC)
    "Our DPIA records that we operate our security monitoring (SIEM) and security operations "
    "(SOC) ourselves, so no data goes to another organisation for it.": (
        "Mae ein hasesiad effaith diogelu data (DPIA) yn cofnodi ein bod ni ein hunain yn "
        "gweithredu ein system monitro diogelwch (SIEM) a'n canolfan gweithrediadau diogelwch "
        "(SOC), felly nid oes unrhyw ddata'n mynd i sefydliad arall at y diben hwn."
    ),
    "Detects suspicious activity, escalates anomalies and manages incident response.": (
        "Yn canfod gweithgarwch amheus, yn uwchgyfeirio anghysondebau ac yn rheoli'r ymateb i "
        "ddigwyddiadau."
    ),
    "Security and audit logs: user identifiers, IP addresses, sign-in and activity events": (
        "Logiau diogelwch ac archwilio: dynodwyr defnyddwyr, cyfeiriadau IP, digwyddiadau "
        "mewngofnodi a gweithgarwch"
    ),
    "Security monitoring and incident response": "Monitro diogelwch ac ymateb i ddigwyddiadau",
    # Twilio
    "Sends SMS text messages.": "Yn anfon negeseuon testun SMS.",
    "Recipients' mobile numbers and the text of messages": (
        "Rhifau ffôn symudol derbynwyr a thestun negeseuon"
    ),
    "Sends SMS messages to parents and carers": "Yn anfon negeseuon SMS at rieni a gofalwyr",
    # Amazon Simple Email Service
    "Sends email on our behalf.": "Yn anfon e-bost ar ein rhan.",
    "Recipients' email addresses and the content of emails": (
        "Cyfeiriadau e-bost derbynwyr a chynnwys negeseuon e-bost"
    ),
    "Sends emails to parents and carers": "Yn anfon negeseuon e-bost at rieni a gofalwyr",
}

NOTICE_WELSH = {
    # Thinkific
    "Thinkific to host the Pupil Progress Academy": "Thinkific i letya'r Pupil Progress Academy",
    "We will use Thinkific, based in Canada, to host the Pupil Progress Academy, our online "
    "training for school staff. Canada has UK adequacy regulations, so no extra transfer "
    "safeguard is needed.": (
        "Byddwn yn defnyddio Thinkific, sydd wedi'i leoli yng Nghanada, i letya'r Pupil Progress "
        "Academy, ein hyfforddiant ar-lein i staff ysgolion. Mae Canada wedi'i chynnwys yn "
        "rheoliadau digonolrwydd y DU, felly nid oes angen mesur diogelu ychwanegol ar gyfer "
        "trosglwyddo."
    ),
    # Twilio
    "Twilio to send SMS messages for Communications Hub": (
        "Twilio i anfon negeseuon SMS ar gyfer Communications Hub"
    ),
    "Communications Hub will send SMS text messages through Twilio. Parents' mobile numbers "
    "and message text are processed in the USA under the UK–US data bridge.": (
        "Bydd Communications Hub yn anfon negeseuon testun SMS drwy Twilio. Caiff rhifau ffôn "
        "symudol rhieni a thestun y negeseuon eu prosesu yn UDA o dan bont ddata'r DU–UDA."
    ),
    # Amazon Simple Email Service
    "Amazon Simple Email Service to send email for Communications Hub": (
        "Amazon Simple Email Service i anfon e-bost ar gyfer Communications Hub"
    ),
    "Communications Hub will send email through Amazon Simple Email Service in the UK.": (
        "Bydd Communications Hub yn anfon e-bost drwy Amazon Simple Email Service yn y DU."
    ),
    # Intercom (upcoming)
    "Intercom to hold Pupil Progress support conversations in the UK": (
        "Intercom i gadw sgyrsiau cymorth Pupil Progress yn y DU"
    ),
    "Intercom will move the support conversations of Pupil Progress users from its EU data "
    "centres to its UK hosting. Processing in the UK is not a restricted transfer.": (
        "Bydd Intercom yn symud sgyrsiau cymorth defnyddwyr Pupil Progress o'i ganolfannau data "
        "yn yr UE i'w wasanaeth lletya yn y DU. Nid yw prosesu yn y DU yn drosglwyddiad "
        "cyfyngedig."
    ),
}
