"""Trust Hub's production-shaped stack on this machine: Varnish in front of N gunicorn app
servers (production settings), and optionally the task worker and the scheduler loop.

Used by `make serve` (scripts/serve.sh runs `python -m deploy.stack`), by the tests that drive the
real stack (tests/test_stack_purge.py) and by benchmarks:

    from deploy.stack import Stack

    with Stack(database_url, app_servers=2) as stack:
        stack.proxy_url    # "http://127.0.0.1:PORT": Varnish, the only address to browse
        stack.app_urls     # ["http://127.0.0.1:PORT", ...]: each gunicorn, bypassing the cache
        stack.purge_url    # where Wagtail's frontend cache sends PURGE (FRONTEND_CACHE_PURGE_URL)
        stack.env          # the environment of the app servers: run manage.py with it
        stack.manage("shell", "-c", "...")  # a manage.py command against the same database
        stack.dead()       # names of the processes that have exited ([] while all is well)

The database must be migrated, with the cache table (CACHE_URL, by default db://trusthub_cache:
`createcachetable`) and the static files (`collectstatic`; STATIC_ROOT) in place; `manage()`
works before start() too, for that. Stack starts no database. Ports are free ones chosen at start-up unless
`port` is given for the proxy. Every process runs in a session of its own; leaving the `with`
block (or stop()) stops them all, proxy first, and deletes the working directory. Requires the
Debian `varnish` package (scripts/system-packages.sh, ensure_serving_packages).
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SETTINGS = "trusthub.settings.production"
START_TIMEOUT = 60  # seconds for each process to answer
SCHEDULER_EVERY = 60  # seconds, as `make run` and the production scheduler entry


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def varnishd():
    found = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not os.access(found, os.X_OK):
        raise RuntimeError("varnishd not found: install the Debian package `varnish`.")
    return found


def render_vcl(app_ports):
    """deploy/varnish.vcl with one backend per app server, round-robin."""
    backends = "\n".join(
        f'backend app{i} {{\n    .host = "127.0.0.1";\n    .port = "{port}";\n'
        "    .probe = health;\n}"
        for i, port in enumerate(app_ports, 1)
    )
    director = "\n    ".join(f"app.add_backend(app{i});" for i in range(1, len(app_ports) + 1))
    template = (DEPLOY / "varnish.vcl").read_text()
    return template.replace("# @BACKENDS@", backends).replace("# @DIRECTOR@", director)


def wait_until_answering(url, process, log, timeout=START_TIMEOUT):
    """Poll `url` until it answers 200; fail at once, with its log, if `process` died."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited ({process.returncode}).{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (http only)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {timeout} s.{_tail(log)}")
        time.sleep(0.1)


def _tail(log):
    if log is None or not Path(log).exists():
        return ""
    return "\n" + Path(log).read_text(errors="replace")[-3000:]


class Stack:
    """Start with `with Stack(...) as stack:` (or start()/stop()). See the module docstring.

    app_servers: gunicorn processes (each GUNICORN_WORKERS workers, default 2).
    worker: also run the task worker (`db_worker`: email alerts). scheduler: also run
    `publish_scheduled` and `resume_alerts` every minute. port: the proxy's port (default: a free
    one). env: extra environment for every process (it wins over the local defaults below).
    log_dir: each process's output in <name>.log there (default: this process's stdout/stderr).
    """

    def __init__(
        self,
        database_url,
        *,
        app_servers=1,
        worker=False,
        scheduler=False,
        port=None,
        env=None,
        log_dir=None,
    ):
        self.proxy_port = port or free_port()
        self.app_ports = [free_port() for _ in range(app_servers)]
        self.proxy_url = f"http://127.0.0.1:{self.proxy_port}"
        self.app_urls = [f"http://127.0.0.1:{p}" for p in self.app_ports]
        self.purge_url = self.proxy_url
        self.with_worker = worker
        self.with_scheduler = scheduler
        self.log_dir = Path(log_dir) if log_dir else None
        self.env = self._environment(database_url, env or {})
        self.processes = []  # (name, Popen), in start order
        self.workdir = None
        self._stop_scheduler = threading.Event()
        self._scheduler = None

    def _environment(self, database_url, extra):
        """This machine's environment, with local defaults for what it does not set, and what
        the stack itself decides (settings, database, where to purge) over both."""
        local = {
            # A throwaway key (the same for every process), plain HTTP on 127.0.0.1.
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": self.proxy_url,
            "DEFAULT_FROM_EMAIL": "Trust Hub <trust-hub@localhost>",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "CACHE_URL": "db://trusthub_cache",
            "EMAIL_URL": "console://",  # email alerts printed by the worker, as `make run` does
        }
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update({k: v for k, v in local.items() if not env.get(k)})
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": SETTINGS,
                "DATABASE_URL": database_url,
                # Publishing purges this proxy; the rate limits see each visitor's address.
                "FRONTEND_CACHE_PURGE_URL": self.purge_url,
                "RATELIMIT_IP_META_KEY": "HTTP_X_CLIENT_IP",
            }
        )
        env.update(extra)
        return env

    # --- running it -------------------------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="trusthub-stack-"))
        # Varnish's child process runs as an unprivileged user: it must reach its directory.
        self.workdir.chmod(0o755)
        # Everything starts at once (each app server imports Django for a second or two); the
        # proxy is ready once every app server answers and so does the proxy.
        servers = [
            (
                port,
                self._spawn(
                    f"gunicorn-{port}",
                    [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py")]
                    + ["trusthub.wsgi:application"],
                    {"GUNICORN_BIND": f"127.0.0.1:{port}"},
                ),
            )
            for port in self.app_ports
        ]
        vcl = self.workdir / "trusthub.vcl"
        vcl.write_text(render_vcl(self.app_ports))
        vcl.chmod(0o644)
        varnish = self._spawn(
            "varnish",
            [varnishd(), "-F", "-n", str(self.workdir / "varnish"), "-f", str(vcl)]
            + ["-a", f"127.0.0.1:{self.proxy_port}", "-s", "malloc,256m"],
        )
        for port, process in servers:
            wait_until_answering(
                f"http://127.0.0.1:{port}/health/", process, self._log(f"gunicorn-{port}")
            )
        wait_until_answering(f"{self.proxy_url}/health/", varnish, self._log("varnish"))
        if self.with_worker:
            self._spawn("worker", self._manage_argv("db_worker", "--no-reload", "-v", "0"))
        if self.with_scheduler:
            self._scheduler = threading.Thread(target=self._schedule, daemon=True)
            self._scheduler.start()

    def stop(self):
        """Stop everything: the proxy first (so nothing reaches a stopping app server), then the
        rest together."""
        self._stop_scheduler.set()
        proxy = [p for name, p in self.processes if name == "varnish"]
        others = [p for name, p in self.processes if name != "varnish"]
        for group in (proxy, others):
            for process in group:
                if process.poll() is None:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGTERM)
            for process in group:
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
        self.processes = []
        if self._scheduler is not None:
            self._scheduler.join(30)
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def dead(self):
        """Names of the processes that have exited (none while all is well)."""
        return [name for name, process in self.processes if process.poll() is not None]

    def manage(self, *args, timeout=300, check=True, **kwargs):
        """Run a manage.py command against the stack's database and settings (capturing its
        output unless told otherwise)."""
        kwargs.setdefault("capture_output", True)
        kwargs.setdefault("text", True)
        result = subprocess.run(
            self._manage_argv(*args), cwd=ROOT, env=self.env, timeout=timeout, **kwargs
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"manage.py {args[0]} failed ({result.returncode}):\n"
                f"{result.stdout or ''}{result.stderr or ''}"
            )
        return result

    # --- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _manage_argv(*args):
        return [sys.executable, str(ROOT / "manage.py"), *args]

    def _log(self, name):
        return self.log_dir / f"{name}.log" if self.log_dir else None

    def _spawn(self, name, argv, extra_env=None):
        log = self._log(name)
        output = open(log, "ab") if log else None  # noqa: SIM115 (the child keeps it open)
        try:
            process = subprocess.Popen(
                argv,
                cwd=ROOT,
                env={**self.env, **(extra_env or {})},
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
                start_new_session=True,  # stopped by us, in order, not by the terminal's Ctrl-C
            )
        finally:
            if output:
                output.close()
        self.processes.append((name, process))
        return process

    def _schedule(self):
        while not self._stop_scheduler.wait(SCHEDULER_EVERY):
            for command in (["publish_scheduled"], ["resume_alerts", "-v", "0"]):
                with contextlib.suppress(subprocess.SubprocessError, OSError):
                    subprocess.run(
                        self._manage_argv(*command),
                        cwd=ROOT,
                        env=self.env,
                        timeout=SCHEDULER_EVERY * 5,
                        capture_output=True,
                    )


def main():
    """`make serve`: run the stack in the foreground until Ctrl-C (scripts/serve.sh prepares the
    database first and sets DATABASE_URL)."""
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda *_: stopping.set())
    stack = Stack(
        os.environ["DATABASE_URL"],
        app_servers=int(os.environ.get("APP_SERVERS") or 1),
        worker=True,
        scheduler=True,
        port=int(os.environ.get("PORT") or 8000),
    )
    with stack:
        workers = os.environ.get("GUNICORN_WORKERS") or "2"
        print(
            f"Trust Hub (production settings) is at {stack.proxy_url}/ through Varnish "
            f"(Ctrl+C to stop).\nApp servers ({workers} gunicorn workers each), uncached: "
            f"{', '.join(stack.app_urls)}\nThe task worker prints email alerts here; "
            "scheduled publishing runs every minute.",
            flush=True,
        )
        while not stopping.wait(1):
            if stack.dead():
                print(f"Stopped unexpectedly: {', '.join(stack.dead())}.", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
