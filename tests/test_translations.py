"""The committed Welsh catalogue (locale/cy/LC_MESSAGES/django.po) is complete and current.

It compiles with `msgfmt --check`; every entry is translated (every plural form), none fuzzy or
obsolete, each translation keeping its original's placeholders and HTML tags; `manage.py
makemessages` on a copy of the source finds exactly the strings it holds, so no interface text
in code or templates is missing from it; and the compiled .mo is what Django serves.
"""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import polib
import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale") / "cy" / "LC_MESSAGES" / "django.po"
WELSH_PLURALS = 4
# n for each Welsh plural form: plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3
PLURAL_SAMPLES = {0: 1, 1: 2, 2: 3, 3: 8}

# Not copied for makemessages: what is not source (git-ignored, installed or built).
NOT_SOURCE = {
    ".git",
    ".venv",
    "node_modules",
    "staticfiles",
    "media",
    "backups",
    ".hypothesis",
    ".ruff_cache",
    ".import_linter_cache",
    ".pytest_cache",
    "test-artifacts",
    "db.sqlite3",
}

NAMED = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
POSITIONAL = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACES = re.compile(r"\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ATTRIBUTE = re.compile(r"""([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?""")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(ROOT / CATALOGUE), wrapwidth=0)


def translations(entry):
    """[(the original it translates, its translation)] for each form of `entry`."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if form == 0 else entry.msgid_plural, entry.msgstr_plural.get(form, ""))
        for form in range(WELSH_PLURALS)
    ]


def placeholders(entry, text):
    text = text.replace("%%", "")
    found = set(NAMED.findall(text)) | set(BRACES.findall(text))
    if "python-format" in entry.flags:
        found |= set(POSITIONAL.findall(NAMED.sub("", text)))
    return found


def tags(text):
    """The HTML tags in `text`, each as (name, its attributes): attribute values included, but
    for a link only the placeholders of its address (a translation may link to a search for
    the Welsh word)."""
    found = []
    for tag in TAG.findall(text):
        name = re.match(r"</?\w+", tag).group()
        attributes = []
        for attribute, value in ATTRIBUTE.findall(tag[len(name) :]):
            if attribute == "href":
                value = " ".join(sorted(NAMED.findall(value) + BRACES.findall(value)))
            attributes.append((attribute, value))
        found.append((name, tuple(sorted(attributes))))
    return Counter(found)


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def test_catalogue_compiles_with_msgfmt_check(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file", str(tmp_path / "django.mo"), str(CATALOGUE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "django.mo").stat().st_size > 0


def test_every_entry_is_translated_and_none_fuzzy_or_obsolete(catalogue):
    assert catalogue.metadata["Language"] == "cy"
    assert f"nplurals={WELSH_PLURALS};" in catalogue.metadata["Plural-Forms"]
    assert len(catalogue) > 800  # the whole interface, not a stub
    untranslated = [
        entry.msgid
        for entry in catalogue
        if any(not text.strip() for _original, text in translations(entry))
    ]
    assert untranslated == [], f"{len(untranslated)} untranslated: {untranslated[:10]}"
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert [e.msgid for e in catalogue.obsolete_entries()] == []
    plural = [e for e in catalogue if e.msgid_plural]
    assert plural and all(sorted(e.msgstr_plural) == [0, 1, 2, 3] for e in plural)


def test_translations_keep_placeholders_and_html_tags(catalogue):
    problems = []
    for entry in catalogue:
        for original, text in translations(entry):
            wanted = placeholders(entry, original)
            if entry.msgid_plural:  # a form may follow either the singular or the plural
                allowed = [wanted, placeholders(entry, entry.msgid_plural)]
            else:
                allowed = [wanted]
            if placeholders(entry, text) not in allowed:
                problems.append(f"placeholders {sorted(placeholders(entry, text))}: {text!r}")
            if tags(text) != tags(original):
                problems.append(f"tags {TAG.findall(text)} for {TAG.findall(original)}: {text!r}")
    assert problems == [], "\n".join(problems)


def test_makemessages_finds_exactly_the_catalogues_strings(catalogue, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for item in ROOT.iterdir():
        if item.name in NOT_SOURCE:
            continue
        if item.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo")
            shutil.copytree(item, source / item.name, ignore=ignore, symlinks=True)
        else:
            shutil.copy2(item, source / item.name)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "trusthub.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'settings-only.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "cy"],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    extracted = polib.pofile(str(source / CATALOGUE), wrapwidth=0)
    assert extracted.obsolete_entries() == []  # the custom command drops them
    committed = {key(e) for e in catalogue}
    found = {key(e) for e in extracted}
    missing = sorted(found - committed)
    unused = sorted(committed - found)
    assert missing == [], f"interface text not in the catalogue: {missing[:10]}"
    assert unused == [], f"catalogue entries no code or template uses: {unused[:10]}"
    # The merged catalogue keeps every translation: nothing new to translate.
    assert extracted.untranslated_entries() == []


def test_django_serves_the_compiled_catalogue(catalogue):
    with translation.override("cy"):
        assert translation.gettext("Skip to main content") == "Neidio i'r prif gynnwys"
        stale = []
        for entry in catalogue:
            if entry.msgid_plural:
                for form, n in PLURAL_SAMPLES.items():
                    if entry.msgctxt:
                        got = translation.npgettext(
                            entry.msgctxt, entry.msgid, entry.msgid_plural, n
                        )
                    else:
                        got = translation.ngettext(entry.msgid, entry.msgid_plural, n)
                    if got != entry.msgstr_plural[form]:
                        stale.append((entry.msgid, n, got))
            else:
                if entry.msgctxt:
                    got = translation.pgettext(entry.msgctxt, entry.msgid)
                else:
                    got = translation.gettext(entry.msgid)
                if got != entry.msgstr:
                    stale.append((entry.msgid, got))
    assert stale == [], f"the .mo is not the .po (run `make messages`): {stale[:5]}"
    with translation.override("en-gb"):
        assert translation.gettext("Skip to main content") == "Skip to main content"


def test_welsh_dates_use_djangos_welsh_month_names():
    day = date(2027, 3, 31)
    template = Template('{{ day|date:"j F Y" }}')
    with translation.override("cy"):
        assert date_format(day, "j F Y") == "31 Mawrth 2027"
        assert date_format(day) == "31 Mawrth 2027"
        assert template.render(Context({"day": day})) == "31 Mawrth 2027"
        assert date_format(date(2027, 2, 22), "j F Y") == "22 Chwefror 2027"
    with translation.override("en-gb"):
        assert date_format(day, "j F Y") == "31 March 2027"
