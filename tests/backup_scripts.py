"""The code tests/test_backup.py runs inside the site's own processes (`manage.py shell -c`):
editors' work, a snapshot of everything a school and the database hold, and a SQLite site."""

import textwrap

# Editors' work of every kind, through the models' own code paths (run in the site's process).
EDITS = textwrap.dedent(
    """
    import os
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from products.models import ProductPage
    from subprocessors.models import Subprocessor, Subscriber
    from subprocessors.roles import DPO, EDITOR
    from subprocessors.tests.factories import make_notice, user_in

    call_command("createcachetable")  # the production default: the cache in the database
    User = get_user_model()
    editor = user_in(User, EDITOR, "backup-editor")
    dpo = user_in(User, DPO, "backup-dpo")

    draft = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    draft.title = "Juniper MIS DRAFT-ONLY-TITLE"
    draft.save_revision(user=editor)

    published = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    published.title = "Pupil Progress, republished before the backup"
    published.save_revision(user=dpo).publish(user=dpo)

    entry = Subprocessor.objects.originals().get(name="Twilio")
    entry.description = "DRAFT-ONLY-DESCRIPTION of Twilio."
    entry.save_revision(user=editor)

    submitted = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    submitted.title = "Pupil Asset AWAITING-APPROVAL"
    submitted.save_revision(user=editor)
    submitted.get_workflow().start(submitted, editor)

    make_notice("Backup test notice", products=("pupil-progress",))
    get_document_model().objects.create(
        title="Data processing agreement",
        file=ContentFile(os.urandom(40_000), name="dpa.pdf"),
        uploaded_by_user=editor,
    )
    Subscriber.objects.create(
        email="office@school.example.org", all_products=True, confirmed_at=timezone.now()
    )
    """
)

# What a school sees at every public URL, and every row of every model: written as JSON.
SNAPSHOT = textwrap.dedent(
    """
    import base64, hashlib, json, os
    from django.apps import apps
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.models import Page
    from products.models import ProductPage
    from subprocessors.models import ChangeNotice

    client = Client()
    urls = {page.url for page in Page.objects.live().public().specific() if page.url}
    for product in ProductPage.objects.live():
        base = f"/products/{product.slug}/retention/"
        urls |= {base + "?ended=2025-07-31", base + "timeline.json?ended=2025-07-31"}
        urls.add(f"/subprocessors/?product={product.slug}")
    urls |= {f"/subprocessors/changes/{n.pk}/" for n in ChangeNotice.objects.originals().filter(live=True)}
    urls |= {document.url for document in get_document_model().objects.all()}
    urls |= {
        "/subprocessors/", "/subprocessors/changes/", "/subprocessors/register.csv",
        "/subprocessors/register.json", "/subprocessors/changes/feed.rss",
        "/subprocessors/changes/feed.atom", "/subprocessors/changes/feed.json",
        "/.well-known/security.txt",
    }
    pages = {}
    for url in sorted(urls):
        response = client.get(url)
        body = response.getvalue()
        pages[url] = [response.status_code, response["Content-Type"], body.decode("latin-1")]
    rows = {
        model._meta.label: [
            [str(value) for value in row] for row in model.objects.order_by("pk").values_list()
        ]
        for model in apps.get_models()
    }
    files = {
        document.file.name: hashlib.sha256(document.file.open("rb").read()).hexdigest()
        for document in get_document_model().objects.all()
    }
    with open(os.environ["SNAPSHOT_OUT"], "w") as out:
        json.dump({"pages": pages, "rows": rows, "files": files}, out)
    """
)


NO_MIGRATIONS = """
from trusthub.settings.dev import *  # noqa: F403


class _None(dict):
    def __contains__(self, app):
        return True

    def __getitem__(self, app):
        return None


MIGRATION_MODULES = _None()  # tables straight from the models: seconds, not ten
"""

SQLITE_SITE = textwrap.dedent(
    """
    import os
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    call_command("migrate", run_syncdb=True, verbosity=0)
    call_command("createcachetable")
    call_command("load_demo_content", verbosity=0)
    Collection.add_root(name="Root")  # a migration of Wagtail's makes it
    MigrationRecorder(connection).ensure_schema()  # the test records the migrations
    get_document_model().objects.create(
        title="Retention schedule", file=ContentFile(os.urandom(20_000), name="retention.pdf")
    )
    """
)
