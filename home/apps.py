from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Trust Hub home"

    def ready(self):
        # Signal receivers need the models, which exist only once apps are ready.
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415
        from wagtail.signals import (  # noqa: PLC0415
            page_published,
            page_unpublished,
            published,
            unpublished,
        )

        from products.models import ProductPage  # noqa: PLC0415
        from subprocessors.models import ChangeNotice, Subprocessor  # noqa: PLC0415
        from subprocessors.versions import register_changed  # noqa: PLC0415
        from trusthub.core.models import OrganisationSettings  # noqa: PLC0415

        from .indexing import (  # noqa: PLC0415
            purge_search_and_sitemap,
            reindex_product_entries,
            reindex_published,
        )
        from .models import HomePage, StandardPage  # noqa: PLC0415

        # Publishing the home page or a standard page starts a new published-content version, so
        # a response made meanwhile is not kept by the proxy (trusthub/middleware.py).
        for model in (HomePage, StandardPage):
            for signal in (page_published, page_unpublished):
                signal.connect(
                    register_changed,
                    sender=model,
                    dispatch_uid=f"content_version_{model.__name__}_{id(signal)}",
                )

        # Search and the sitemap (indexing.py).
        for model in (Subprocessor, ChangeNotice):
            published.connect(
                reindex_published, sender=model, dispatch_uid=f"search_index_{model.__name__}"
            )
            for signal in (published, unpublished, post_delete):
                signal.connect(
                    purge_search_and_sitemap,
                    sender=model,
                    dispatch_uid=f"purge_search_{model.__name__}_{id(signal)}",
                )
        for signal in (page_published, page_unpublished):
            signal.connect(
                reindex_product_entries,
                sender=ProductPage,
                dispatch_uid=f"search_index_product_{id(signal)}",
            )
            signal.connect(purge_search_and_sitemap, dispatch_uid=f"purge_search_{id(signal)}")
        post_save.connect(
            purge_search_and_sitemap,
            sender=OrganisationSettings,
            dispatch_uid="purge_search_organisation",
        )
