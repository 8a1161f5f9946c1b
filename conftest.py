"""Shared fixtures: demo content, admin users, and headless Chromium for browser tests."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def demo(db):
    """The full demo content, as `make run` loads it."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


# --- Browser tests ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "locale": "en-GB"}


@pytest.fixture
def axe_check():
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA) on the current page; assert no violations."""

    def check(page):
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                 'wcag22aa']},
                resultTypes: ['violations'],
            })"""
        )
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
            for v in result["violations"]
        ]
        assert violations == [], f"axe violations on {page.url}:\n" + "\n".join(violations)
        return result

    return check


@pytest.fixture
def live_demo(transactional_db, live_server):
    """A live server with demo content, for browser tests."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    return live_server
