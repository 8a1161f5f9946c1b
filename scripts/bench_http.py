"""HTTP benchmark of the production-shaped stack (`make bench`, after scripts/bench.py).

Varnish in front of two gunicorn app servers (production settings, deploy/stack.py) sharing one
PostgreSQL database and its cache table, with the register grown to BENCH_ENTRIES entries and
the change log to BENCH_NOTICES notices. In one run, side by side, `wrk` measures requests per
second and p50/p99 latency:

- through the proxy, cached: each public URL, against nginx serving the very same bytes as a
  static file (goal: at least 0.8x);
- straight to one gunicorn, not cached by the proxy: the register and each feed, against a bare
  Wagtail page on the same gunicorn (goal: at least 0.5x), and conditional GETs answered 304,
  against a 304 for a static file through WhiteNoise on the same gunicorn (goal: 0.9x);
- publish-to-fresh: a register entry and its notice published (as the admin does) in another
  process, then the register polled through the proxy until the entry shows (goal: under 1 s),
  and whether each app server then serves it too (one shared cache, one purge).

Each cached and 304 ratio is the median of BENCH_HTTP_ROUNDS (3) pairs measured in turn: wrk
shares the machine's two cores with the servers, and one run alone varies by 10%.
`bash scripts/bench.sh http 304` (or cached, uncached, fresh; several allowed) runs only those
parts; BENCH_CACHED_ONLY="/ /subprocessors/" measures only those cached URLs. Numbers are printed, never asserted: the tests assert correctness and query counts.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trusthub.settings.test")

import django  # noqa: E402

django.setup()

from bench_data import grow_notices, grow_register  # noqa: E402
from django.core.management import call_command  # noqa: E402

from deploy.stack import Stack, free_port  # noqa: E402
from home.models import HomePage, StandardPage  # noqa: E402

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "500"))
NOTICES = int(os.environ.get("BENCH_NOTICES", "1000"))
SECONDS = int(os.environ.get("BENCH_HTTP_SECONDS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_HTTP_CONNECTIONS", "16"))
ROUNDS = int(os.environ.get("BENCH_HTTP_ROUNDS", "3"))  # each ratio: the median of this many pairs
PRODUCT = "pupil-progress"

CACHED = os.environ.get("BENCH_CACHED_ONLY", "").split() or [
    "/",
    f"/products/{PRODUCT}/",
    "/subprocessors/",
    f"/subprocessors/?product={PRODUCT}",
    f"/subprocessors/?product={PRODUCT}&product=juniper-mis",
    "/subprocessors/changes/",
    "/subprocessors/changes/feed.rss",
    "/subprocessors/changes/feed.atom",
    "/subprocessors/changes/feed.json",
    f"/subprocessors/changes/feed.atom?product={PRODUCT}",
    "/subprocessors/register.csv",
    "/subprocessors/register.json",
]
UNCACHED = [
    "/subprocessors/",
    f"/subprocessors/?product={PRODUCT}",
    "/subprocessors/changes/feed.rss",
    "/subprocessors/changes/feed.atom",
    "/subprocessors/changes/feed.json",
]
CONDITIONAL = [
    "/subprocessors/changes/feed.rss",
    "/subprocessors/changes/feed.atom",
    "/subprocessors/changes/feed.json",
    "/subprocessors/register.csv",
    "/subprocessors/register.json",
]
BARE = "/bench-bare-page/"

PUBLISH = textwrap.dedent(
    """
    import datetime, time, urllib.request
    from django.utils import timezone
    from subprocessors.tests.factories import make_entry, make_notice

    name, proxy = {name!r}, {proxy!r}
    entry = make_entry(name, products=("communications-hub",), publish=False,
                       start_date=timezone.localdate() + datetime.timedelta(days=60))
    notice = make_notice(name + " notice", products=("communications-hub",), publish=False)
    notice.subprocessors.set([entry])
    notice.save()
    start = time.perf_counter()
    notice.save_revision().publish()
    entry.save_revision().publish()
    published = time.perf_counter()
    while name not in urllib.request.urlopen(proxy + "/subprocessors/").read().decode():
        time.sleep(0.002)
    print(published - start, time.perf_counter() - start)
    """
)

NGINX_CONF = """
daemon off;
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    types {{ text/csv csv; }}
    access_log off;
    client_body_temp_path {dir}/tmp;
    proxy_temp_path {dir}/tmp;
    fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp;
    scgi_temp_path {dir}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/files;
    }}
}}
"""


def prepare_database():
    call_command("migrate", verbosity=0, interactive=False)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    grow_register(ENTRIES)
    grow_notices(NOTICES)
    home = HomePage.objects.first()
    bare = home.add_child(
        instance=StandardPage(title="Bare page", slug=BARE.strip("/"), body="<p>Bare.</p>")
    )
    bare.save_revision().publish()


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read(), dict(response.headers)


def wrk(url, headers=(), connections=CONNECTIONS, seconds=SECONDS):
    """req/s, p50 ms, p99 ms, and how many answers were not 2xx/3xx."""
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        argv += ["-H", header]
    out = subprocess.run(argv + [url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (
        float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        _ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        _ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        int(errors.group(1)) if errors else 0,
    )


def paired(url, baseline_url, headers=(), baseline_headers=(), connections=None):
    """`url` and its baseline, measured in turn ROUNDS times (so that neither gets the quieter
    moments of the machine, which wrk shares): the median run of each, by requests/s."""
    kwargs = {"connections": connections} if connections else {}
    runs = [
        (wrk(url, headers, **kwargs), wrk(baseline_url, baseline_headers, **kwargs))
        for _ in range(ROUNDS)
    ]
    return (
        statistics.median_low(run[0] for run in runs),
        statistics.median_low(run[1] for run in runs),
    )


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def row(label, size, measured, baseline, goal):
    rps, p50, p99, errors = measured
    ratio = rps / baseline[0]
    mark = "ok" if ratio >= goal else "below goal"
    note = f"  ({errors} errors)" if errors else ""
    print(
        f"{label:52} {size / 1024:7.1f} {rps:9.0f} {p50:7.2f} {p99:7.2f} "
        f"{baseline[0]:9.0f} {ratio:6.2f}x {mark}{note}"
    )


def header(title, baseline):
    print(f"\n{title}")
    print(
        f"{'URL':52} {'KiB':>7} {'req/s':>9} {'p50 ms':>7} {'p99 ms':>7} {baseline:>9} {'ratio':>7}"
    )


class StaticServer:
    """nginx-light serving files from a directory: the static-file baseline."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="trusthub-bench-nginx-"))
        (self.dir / "files").mkdir()
        (self.dir / "tmp").mkdir()
        self.dir.chmod(0o755)
        self.port = free_port()
        (self.dir / "nginx.conf").write_text(NGINX_CONF.format(dir=self.dir, port=self.port))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen([nginx, "-c", str(self.dir / "nginx.conf")])
        for _ in range(100):
            try:
                fetch(f"http://127.0.0.1:{self.port}/")
            except urllib.error.HTTPError:
                return  # 403/404 for an empty directory: it is answering
            except OSError:
                time.sleep(0.05)

    def url_for(self, index, path, body):
        suffix = Path(path.split("?")[0]).suffix or ".html"
        name = f"copy-{index:02d}{suffix}"
        (self.dir / "files" / name).write_bytes(body)
        return f"http://127.0.0.1:{self.port}/{name}"

    def stop(self):
        self.process.terminate()
        self.process.wait(15)
        shutil.rmtree(self.dir, ignore_errors=True)


def proxied(stack, static):
    header("Through Varnish, cached — against nginx serving the same bytes as a file", "file r/s")
    # Both front servers start their threads and fill their caches before anything is timed.
    fetch(stack.proxy_url + CACHED[0])
    wrk(stack.proxy_url + CACHED[0], seconds=1)
    wrk(static.url_for(99, "/", b"warm-up"), seconds=1)
    for index, path in enumerate(CACHED):
        url = stack.proxy_url + path
        fetch(url)  # warm
        body, headers = fetch(url)
        assert headers.get("X-Cache") == "HIT", (path, headers.get("X-Cache"))
        row(path, len(body), *paired(url, static.url_for(index, path, body)), 0.8)


def uncached(stack):
    app = stack.app_urls[0]
    connections = max(4, CONNECTIONS // 2)
    bare = wrk(app + BARE, connections=connections)
    header("Straight to one gunicorn (not the proxy) — against a bare Wagtail page", "bare r/s")
    print(f"{BARE + ' (the baseline)':52} {len(fetch(app + BARE)[0]) / 1024:7.1f} {bare[0]:9.0f}")
    for path in UNCACHED:
        body, _ = fetch(app + path)
        row(path, len(body), wrk(app + path, connections=connections), bare, 0.5)


def not_modified(stack):
    app = stack.app_urls[0]
    connections = max(4, CONNECTIONS // 2)
    html, _ = fetch(app + "/")
    asset = re.search(rb'(/static/[^"]+\.css)', html).group(1).decode()
    _, asset_headers = fetch(app + asset)
    static_304 = (app + asset, [f"If-None-Match: {asset_headers['ETag']}"])
    header("304 Not Modified from gunicorn — against a static file's 304 (WhiteNoise)", "file r/s")
    print(f"{asset[:40] + ' (the baseline)':52}")
    for path in CONDITIONAL:
        _, headers = fetch(app + path)
        conditional = [f"If-None-Match: {headers['ETag']}"]
        measured = paired(app + path, static_304[0], conditional, static_304[1], connections)
        row(path, 0, *measured, 0.9)


def publish_to_fresh(stack, runs=3):
    print("\nPublish-to-fresh: publish an entry and its notice in another process, then poll")
    print("/subprocessors/ through the proxy until the entry shows")
    times = []
    for run in range(runs):
        name = f"Freshness probe {run} {time.time_ns()}"
        out = stack.manage("shell", "-c", PUBLISH.format(name=name, proxy=stack.proxy_url))
        publish_s, fresh_s = (float(x) for x in out.stdout.split()[-2:])
        times.append(fresh_s)
        on_servers = [name in fetch(app + "/subprocessors/")[0].decode() for app in stack.app_urls]
        print(
            f"  run {run + 1}: publish {publish_s * 1000:6.0f} ms, fresh through the proxy after "
            f"{fresh_s * 1000:6.0f} ms; shown by each app server: {on_servers}"
        )
    verdict = "ok" if max(times) < 1 else "above goal"
    print(
        f"  median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
        f"(goal < 1000 ms): {verdict}"
    )


PARTS = {
    "cached": proxied,
    "uncached": lambda stack, static: uncached(stack),
    "304": lambda stack, static: not_modified(stack),
    "fresh": lambda stack, static: publish_to_fresh(stack),
}


def main(parts):
    unknown = set(parts) - set(PARTS)
    if unknown:
        sys.exit(f"Unknown part {', '.join(sorted(unknown))}: choose from {', '.join(PARTS)}.")
    prepare_database()
    stack = Stack(os.environ["DATABASE_URL"], app_servers=2)
    stack.manage("createcachetable")
    stack.manage("collectstatic", "--noinput", "-v", "0")
    static = StaticServer()
    try:
        with stack:
            workers = stack.env.get("GUNICORN_WORKERS") or "2"
            print(
                f"\nHTTP: Varnish in front of {len(stack.app_urls)} gunicorn app servers "
                f"({workers} workers each, production settings) on one PostgreSQL database; "
                f"wrk, 2 threads, {CONNECTIONS} connections, {SECONDS} s per URL"
            )
            for part in parts:
                PARTS[part](stack, static)
    finally:
        static.stop()


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # rows appear as they are measured
    main(sys.argv[1:] or list(PARTS))
