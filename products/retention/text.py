"""The words the engine shows people, in the language of whoever reads them.

Pure Python (no Django), like the rest of :mod:`products.retention`. Every sentence the engine
writes goes through :func:`gettext` or :func:`ngettext` here, with the whole sentence as the
message and named placeholders (so `makemessages` finds it by the usual names and translators
see complete sentences). Until :func:`install` is called they give the English; the products
app installs Django's translation functions when Django starts (products/apps.py), so each
sentence is in the language active when it is written (Welsh under /cy/).
"""

from __future__ import annotations

from collections.abc import Callable


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, number: int) -> str:
    return singular if number == 1 else plural


_translators: dict[str, Callable] = {"gettext": _english, "ngettext": _english_plural}


def install(gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str]) -> None:
    """Use these translation functions (e.g. Django's) from now on."""
    _translators.update(gettext=gettext, ngettext=ngettext)


def gettext(message: str) -> str:
    return _translators["gettext"](message)


def ngettext(singular: str, plural: str, number: int) -> str:
    return _translators["ngettext"](singular, plural, number)


def gettext_noop(message: str) -> str:
    """Marks a message for translation where it is defined; translate it where it is used."""
    return message
