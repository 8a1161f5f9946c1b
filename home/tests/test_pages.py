"""Page types: where they may go, that editors can create them, and that they render."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from products.models import ProductIndexPage, ProductPage, RetentionPage, SecurityStatementPage
from subprocessors.models import ChangeNotice, Subprocessor


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_goes_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, ProductIndexPage, SecurityStatementPage}
        )

    def test_products_live_under_the_product_index(self):
        self.assertAllowedParentPageTypes(ProductIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProductIndexPage, {ProductPage})
        self.assertAllowedParentPageTypes(ProductPage, {ProductIndexPage})
        self.assertAllowedSubpageTypes(ProductPage, {SecurityStatementPage, RetentionPage})

    def test_security_statements_are_company_wide_or_per_product(self):
        self.assertAllowedParentPageTypes(SecurityStatementPage, {HomePage, ProductPage})
        self.assertAllowedSubpageTypes(SecurityStatementPage, set())

    def test_singletons(self):
        assert HomePage.max_count == 1
        assert ProductIndexPage.max_count == 1
        assert SecurityStatementPage.max_count_per_parent == 1


class AdminCreationTests(WagtailPageTestCase):
    """Each page type can be created through the admin with the panels editors see."""

    def setUp(self):  # the demo content is in the test database (conftest.py)
        # Signed in directly: the sign-in form itself is tested in tests/test_admin_login.py.
        self.user = self.create_test_user()
        self.client.force_login(self.user)
        self.home = HomePage.objects.get(locale__language_code="en-gb")
        self.index = ProductIndexPage.objects.get(locale__language_code="en-gb")

    def test_editor_creates_a_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "About this hub",
                    "slug": "about",
                    "intro": "Who runs this hub and why.",
                    "body": rich_text("<h2>Who we are</h2><p>The privacy team.</p>"),
                }
            ),
        )

    def test_editor_creates_a_product_page(self):
        data = nested_form_data(
            {
                "title": "Assessment Tracker",
                "slug": "assessment-tracker",
                "summary": "Tracks assessments.",
                "description": rich_text("<p>Tracks assessments.</p>"),
                "last_reviewed": "2026-01-15",
                "data_subjects": streamfield(
                    [("subject", {"name": "Pupils", "description": "On roll"})]
                ),
                "data_categories": streamfield(
                    [
                        (
                            "category",
                            {"name": "Results", "description": "Marks", "special_category": ""},
                        )
                    ]
                ),
                "purposes": streamfield([("purpose", {"purpose": "Tracking", "detail": ""})]),
                "lawful_bases": streamfield(
                    [("basis", {"basis": "public_task", "explanation": "Education"})]
                ),
                "special_category_conditions": streamfield([]),
                "data_sources": streamfield(
                    [("source", {"source": "Your MIS", "description": ""})]
                ),
                "hosting_location": "United Kingdom",
                "hosting": rich_text(""),
                "controller_statement": "The school.",
                "processor_statement": "Us.",
                "rights_requests": "The school.",
                "automated_processing": rich_text(""),
            }
        )
        self.assertCanCreate(self.index, ProductPage, data)
        page = ProductPage.objects.get(locale__language_code="en-gb", slug="assessment-tracker")
        assert page.last_reviewed == datetime.date(2026, 1, 15)

    def test_special_category_data_needs_an_article_9_condition(self):
        page = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
        page.special_category_conditions = []
        with pytest.raises(Exception) as excinfo:
            page.full_clean()
        assert "Article 9 condition" in str(excinfo.value)

    def test_automated_processing_must_be_explained(self):
        page = ProductPage.objects.get(locale__language_code="en-gb", slug="communications-hub")
        page.uses_automated_processing = True
        page.automated_processing = ""
        with pytest.raises(Exception) as excinfo:
            page.full_clean()
        assert "Explain how machine learning" in str(excinfo.value)

    def test_every_page_type_renders(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(HomePage.objects.get(locale__language_code="en-gb"))
        self.assertPageIsPreviewable(ProductIndexPage.objects.get(locale__language_code="en-gb"))

    def test_admin_edit_screens_open(self):
        for page in Page.objects.filter(depth__gt=1):
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, page


def quietly(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_content_loads_into_an_empty_site_only():
    counts = (Page.objects.count(), Revision.objects.count(), Site.objects.count())
    assert "already has content" in quietly("--if-empty")  # what `make run` does each start
    assert (Page.objects.count(), Revision.objects.count(), Site.objects.count()) == counts
    with pytest.raises(CommandError, match="already has content .* Use --force"):
        quietly()
    assert (Page.objects.count(), Revision.objects.count(), Site.objects.count()) == counts

    # An empty site (what a fresh database has) gets the whole demo.
    Subprocessor.objects.all().delete()  # deleting live entries drafts removal notices ...
    ChangeNotice.objects.all().delete()  # ... which go too (the Welsh translations with them)
    for home in HomePage.objects.all():  # English and Welsh
        home.delete()
    assert "Demo content loaded" in quietly("--if-empty")
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not Page.objects.filter(title__icontains="Welcome to your new Wagtail site").exists()
    for language in ("en-gb", "cy"):
        live = ProductPage.objects.live().filter(locale__language_code=language)
        slugs = set(live.values_list("slug", flat=True))
        assert slugs == {"pupil-progress", "juniper-mis", "pupil-asset", "communications-hub"}


@pytest.mark.django_db
def test_make_run_again_never_resurrects_or_duplicates_editors_changes(client):
    """The defect: renamed, retitled and deleted demo records came back on the next start."""
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    twilio.name = "Twilio Ireland"
    twilio.publish(twilio.save_revision(), known_history=True)
    notice = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    notice.title = "SMS messages for Communications Hub to be sent by Twilio"
    notice.save_revision().publish()
    Subprocessor.objects.originals().get(name="Amazon Web Services").delete()
    ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset").get_children().get(
        slug="security"
    ).delete()
    page = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    page.summary = "Edited by marketing"
    page.save_revision().publish()
    notices = ChangeNotice.objects.originals().filter(live=True).count()

    quietly("--if-empty")

    assert not Subprocessor.objects.originals().filter(name="Twilio").exists()
    assert not Subprocessor.objects.originals().filter(name="Amazon Web Services").exists()
    assert ChangeNotice.objects.originals().filter(live=True).count() == notices
    assert not ChangeNotice.objects.originals().filter(title__startswith="Twilio to send").exists()
    assert client.get("/products/pupil-asset/security/").status_code == 404
    assert (
        ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis").summary
        == "Edited by marketing"
    )
