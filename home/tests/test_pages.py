"""Page types: where they may go, that editors can create them, and that they render."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, OrganisationSettings, StandardPage
from products.models import ProductIndexPage, ProductPage, RetentionPage, SecurityStatementPage


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

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))

    def setUp(self):
        self.user = self.login()
        self.home = HomePage.objects.get()
        self.index = ProductIndexPage.objects.get()

    def test_editor_creates_a_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Accessibility statement",
                    "slug": "accessibility",
                    "intro": "How accessible this site is.",
                    "body": rich_text("<p>We aim for WCAG 2.2 AA.</p>"),
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
        page = ProductPage.objects.get(slug="assessment-tracker")
        assert page.last_reviewed == datetime.date(2026, 1, 15)

    def test_special_category_data_needs_an_article_9_condition(self):
        page = ProductPage.objects.get(slug="pupil-progress")
        page.special_category_conditions = []
        with pytest.raises(Exception) as excinfo:
            page.full_clean()
        assert "Article 9 condition" in str(excinfo.value)

    def test_automated_processing_must_be_explained(self):
        page = ProductPage.objects.get(slug="communications-hub")
        page.uses_automated_processing = True
        page.automated_processing = ""
        with pytest.raises(Exception) as excinfo:
            page.full_clean()
        assert "Explain how machine learning" in str(excinfo.value)

    def test_every_page_type_renders(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(HomePage.objects.get())
        self.assertPageIsPreviewable(ProductIndexPage.objects.get())

    def test_admin_edit_screens_open(self):
        for page in Page.objects.filter(depth__gt=1):
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, page


@pytest.mark.django_db
def test_demo_content_is_idempotent():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    counts = (Page.objects.count(), Revision.objects.count(), Site.objects.count())
    settings_row = OrganisationSettings.objects.get()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (Page.objects.count(), Revision.objects.count(), Site.objects.count()) == counts
    assert OrganisationSettings.objects.get().pk == settings_row.pk
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not Page.objects.filter(title__icontains="Welcome to your new Wagtail site").exists()
    slugs = set(ProductPage.objects.live().values_list("slug", flat=True))
    assert slugs == {"pupil-progress", "juniper-mis", "pupil-asset", "communications-hub"}


@pytest.mark.django_db
def test_demo_content_keeps_editor_changes():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    page = ProductPage.objects.get(slug="juniper-mis")
    page.summary = "Edited by marketing"
    page.save_revision().publish()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert ProductPage.objects.get(slug="juniper-mis").summary == "Edited by marketing"
