"""A bounded fuzz test (issue 14, item 3): every public endpoint, with junk query parameters and
junk path segments, by GET and HEAD, answers below 500 (a page, a clear message or a 404).

Junk: the parameters the site reads (product, type, page, ended, from, to, at, q) and unknown
ones, with any Unicode (NUL included), malformed percent-escapes, very long values, huge
numbers and repeated names; path segments where the site reads ids, slugs and tokens. The
examples are generated deterministically (`derandomize`), so a failure is the same on every
machine; hypothesis shrinks it to the smallest request that fails. Every path is tried with its
own examples (parametrised), so none is left out by chance.

`test_the_fuzz_covers_every_public_route` keeps the list of endpoints complete: a new public
URL fails it until it is added to ENDPOINTS below.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from subprocessors.models import ChangeNotice

pytestmark = pytest.mark.django_db

PRODUCTS = ["pupil-progress", "juniper-mis", "pupil-asset", "communications-hub"]

# Each public route (by URL name) and the paths that reach it. Slots: {product} a real product
# slug or junk, {notice} a live notice's id or a junk number, {junk} any junk path segment.
ENDPOINTS = {
    "wagtail_serve": [
        "/",
        "/products/",
        "/security/",
        "/products/{product}/",
        "/products/{product}/security/",
        "/products/{product}/retention/",
        "/products/{product}/history/",
        "/products/{product}/history/{junk}/",
        "/products/{product}/{junk}/",
        "/{junk}/",
    ],
    "products:timeline_json": ["/products/{product}/retention/timeline.json"],
    "products:timeline_ics": ["/products/{product}/retention/timeline.ics"],
    # Junk products only: a real one renders a whole PDF (tested in subprocessors' tests).
    "product_pack": ["/products/{junk}/pack.pdf"],
    "subprocessors:register": ["/subprocessors/"],
    "subprocessors:register_csv": ["/subprocessors/register.csv"],
    "subprocessors:register_json": ["/subprocessors/register.json"],
    "subprocessors:compare": ["/subprocessors/compare/"],
    "subprocessors:changes": ["/subprocessors/changes/"],
    "subprocessors:notice": ["/subprocessors/changes/{notice}/", "/subprocessors/changes/{junk}/"],
    "subprocessors:object": ["/subprocessors/changes/{notice}/object/"],
    "subprocessors:objection_received": ["/subprocessors/changes/{notice}/object/received/{junk}/"],
    "subprocessors:feed_rss": ["/subprocessors/changes/feed.rss"],
    "subprocessors:feed_atom": ["/subprocessors/changes/feed.atom"],
    "subprocessors:feed_json": ["/subprocessors/changes/feed.json"],
    "subprocessors:alerts_subscribe": ["/subprocessors/alerts/subscribe/"],
    "subprocessors:alerts_confirm": ["/subprocessors/alerts/confirm/{junk}/"],
    "subprocessors:alerts_manage": ["/subprocessors/alerts/manage/{junk}/"],
    "subprocessors:alerts_unsubscribe": ["/subprocessors/alerts/unsubscribe/{junk}/"],
    "security_txt": ["/.well-known/security.txt"],
    "health": ["/health/"],
    "search": ["/search/"],
    "sitemap": ["/sitemap.xml"],
    "robots_txt": ["/robots.txt"],
    "favicon": ["/favicon.ico"],
    "wagtailcore_login": ["/_util/login/"],
    "wagtailcore_authenticate_with_password": ["/_util/authenticate_with_password/{junk}/{junk}/"],
}
PATHS = [template for templates in ENDPOINTS.values() for template in templates]
# Each path gets this many requests (GET or HEAD): enough for every path to see junk values,
# few enough that the whole test takes a few seconds.
EXAMPLES_PER_PATH = 4
# Not public pages: the admin and documents (their own tests), and Django's static files.
NOT_PUBLIC = ("admin/", "documents/", "static/", "media/")

# Parameters the site reads, and some it does not.
NAMES = ["product", "type", "page", "ended", "from", "to", "at", "utm_source", "format", "q"]
SPECIAL = [
    "",
    " ",
    "0",
    "-1",
    "1e3",
    "NaN",
    "99999999999999999999999999",
    "2027-02-22",
    "2027-02-30",
    "30/02/2027",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "1900-01-01",
    "22/02/2027 09:30",
    *PRODUCTS,
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "../../etc/passwd",
    "\x00",
    "\ud7ff\ufffe\U0010ffff",
    "current",
    "upcoming",
    "former",
    "processor",
]
values = st.one_of(
    st.text(max_size=30),  # any Unicode, NUL included
    st.sampled_from(SPECIAL),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.builds(lambda char, n: char * n, st.sampled_from("a9é-/%\x00"), st.integers(300, 4000)),
)
names = st.one_of(st.sampled_from(NAMES), st.text(min_size=1, max_size=12))
# Query strings no browser would send but anyone can.
RAW_QUERIES = ["%", "%zz", "%ff%fe", "&&&", "=", "product", "product=%00", "page=%C0%AE", "a[]=1"]
queries = st.tuples(
    st.lists(st.tuples(names, values), max_size=6).map(urlencode),
    st.lists(st.sampled_from(RAW_QUERIES), max_size=2),
).map(lambda parts: "&".join([parts[0], *parts[1]]).strip("&"))
segments = st.one_of(
    st.text(min_size=1, max_size=40).map(lambda text: quote(text, safe="")),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.sampled_from(["0", "1", "..", ".", "%00", "%zz", "%ff", "a%2Fb", "<script>", "x" * 300]),
)


def fill(template, draw, notice_ids):
    path = template
    while "{" in path:
        slot = path[path.index("{") + 1 : path.index("}")]
        if slot == "product":
            value = draw(st.one_of(st.sampled_from(PRODUCTS), segments))
        elif slot == "notice":
            value = str(draw(st.one_of(st.sampled_from(notice_ids), st.integers(0, 2**70))))
        else:
            value = draw(segments)
        path = path.replace("{" + slot + "}", value, 1)
    return path


@pytest.mark.parametrize("template", PATHS)
@settings(
    max_examples=EXAMPLES_PER_PATH,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_public_endpoint_answers_5xx_to_junk(demo, template, data):
    notice_ids = list(
        ChangeNotice.objects.originals().filter(live=True).values_list("pk", flat=True)
    )
    path = fill(template, data.draw, notice_ids)
    query = data.draw(queries, label="query")
    url = f"{path}?{query}" if query else path
    method = data.draw(st.sampled_from(["GET", "HEAD"]), label="method")
    response = Client().generic(method, url)
    assert response.status_code < 500, (method, url, response.status_code)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        # Found by the fuzz: a NUL byte in a path segment or a parameter reached PostgreSQL,
        # which refuses NUL in text (DataError), and the page was a 500.
        ("/subprocessors/changes/{notice}/object/received/%00/", 404),
        ("/subprocessors/changes/{notice}/object/received/ABC%00DEF/", 404),
        ("/subprocessors/alerts/manage/%00/", 404),
        ("/subprocessors/alerts/unsubscribe/%00/", 404),
        ("/subprocessors/alerts/confirm/%00/", 404),
        ("/subprocessors/alerts/subscribe/?product=%00", 200),
        ("/subprocessors/alerts/subscribe/?product=juniper-mis&product=juniper-mis%00", 200),
    ],
)
def test_a_nul_byte_in_a_link_is_no_error(client, demo, path, status):
    url = path.format(notice=ChangeNotice.objects.originals().filter(live=True).first().pk)
    assert client.head(url).status_code == status
    response = client.get(url)
    assert response.status_code == status
    if "subscribe" in path:  # the form, with only the real product chosen
        checked = re.findall(r'value="([\w-]+)"[^>]*checked', response.content.decode())
        assert checked == (["juniper-mis"] if "juniper-mis" in path else [])


def test_a_nul_byte_in_any_parameter_or_segment_is_no_error(client, demo):
    """PostgreSQL refuses NUL in text: every parameter the site reads, and every path segment,
    with a NUL byte, on every path (besides what the fuzz draws)."""
    notice = ChangeNotice.objects.originals().filter(live=True).first()
    query = urlencode([(name, f"{value}\x00") for name in NAMES for value in ("", "juniper-mis")])
    for template in PATHS:
        real = template.format(product="juniper-mis", notice=notice.pk, junk="x")
        nul = template.format(product="juniper%00mis", notice=notice.pk, junk="x%00y")
        for url in {f"{real}?{query}", nul} - {template}:
            response = client.get(url)
            assert response.status_code < 500, url


def _public_routes(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.lstrip("^").startswith(NOT_PUBLIC):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _public_routes(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else route


def test_the_fuzz_covers_every_public_route():
    routes = set(_public_routes(get_resolver().url_patterns))
    assert routes - set(ENDPOINTS) == set(), "add these public URLs to ENDPOINTS"
