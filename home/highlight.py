"""Search-result snippets: a short passage of a result's text around the first word the visitor
searched for, with each such word wrapped in <mark>. Wagtail's database search backend has no
highlighter, so this is ours. Pure text handling: no database, no Django models.

The text is escaped here, piece by piece, so a result can never inject markup: only the <mark>
tags added here are HTML. Matching is deliberately loose, as PostgreSQL's stemming is: "hosting"
marks "host", "hosted" and "hosts" too. (A rough English rule; search itself uses PostgreSQL's
own stemmer, this only decides what to mark.)
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

SNIPPET_LENGTH = 240  # characters of text shown for a result, about three lines
MIN_TERM_LENGTH = 2  # shorter words ("a") are not marked: they match almost everywhere
_SUFFIXES = ("ing", "ion", "ed", "es", "s")
_WORD = re.compile(r"\w+")


def terms(query):
    """The words of a query, lower case, each once, in order."""
    words = [w.lower() for w in _WORD.findall(query) if len(w) >= MIN_TERM_LENGTH]
    return list(dict.fromkeys(words))


def _stem(word):
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def pattern(query):
    """A regular expression matching the query's words and their close variants, or None when
    the query has no word worth marking."""
    stems = sorted({_stem(word) for word in terms(query)}, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in stems)
    return re.compile(rf"\b(?:{alternatives})\w{{0,4}}\b", re.IGNORECASE)


def _window(text, start, length):
    """Where a passage of about `length` characters that shows position `start` begins and ends,
    on word boundaries."""
    if len(text) <= length:
        return 0, len(text)
    begin = max(0, start - length // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > start else end
    return begin, end


def highlight(text, query, length=SNIPPET_LENGTH):
    """Safe HTML: a passage of `text` around the query's first match, matches in <mark>. Without
    a match, the start of the text. Whitespace runs become single spaces."""
    text = " ".join(text.split())
    regex = pattern(query)
    first = regex.search(text) if regex else None
    begin, end = _window(text, first.start() if first else 0, length)
    passage = text[begin:end]
    parts, position = [], 0
    for match in regex.finditer(passage) if regex else ():
        parts.append(escape(passage[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(passage[position:]))
    html = "".join(parts)
    if begin > 0:
        html = "…" + html
    if end < len(text):
        html += "…"
    return mark_safe(html)  # noqa: S308 - every piece of text above is escaped
