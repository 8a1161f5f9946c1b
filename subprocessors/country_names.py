"""Country names in Welsh.

Register entries store countries as ISO codes (django-countries), which names them through
Django's translation machinery under its own English names; django-countries has no Welsh
catalogue, so ours gives the Welsh for the countries suppliers process schools' data in (the
UK, the EU and the usual hosting and support locations). A country not listed here shows its
English name on Welsh pages. Nothing imports this module: it is here for `makemessages`.
"""

from django.utils.translation import gettext_noop

COUNTRY_NAMES = [
    gettext_noop("United Kingdom"),
    gettext_noop("European Union"),
    gettext_noop("United States of America"),
    gettext_noop("Canada"),
    gettext_noop("Ireland"),
    gettext_noop("Germany"),
    gettext_noop("France"),
    gettext_noop("Netherlands"),
    gettext_noop("Belgium"),
    gettext_noop("Luxembourg"),
    gettext_noop("Sweden"),
    gettext_noop("Denmark"),
    gettext_noop("Finland"),
    gettext_noop("Norway"),
    gettext_noop("Switzerland"),
    gettext_noop("Austria"),
    gettext_noop("Spain"),
    gettext_noop("Portugal"),
    gettext_noop("Italy"),
    gettext_noop("Poland"),
    gettext_noop("Czechia"),
    gettext_noop("Australia"),
    gettext_noop("New Zealand"),
    gettext_noop("India"),
    gettext_noop("Japan"),
    gettext_noop("Singapore"),
    gettext_noop("South Africa"),
    gettext_noop("Israel"),
    gettext_noop("South Korea"),
]
