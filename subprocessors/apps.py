from django.apps import AppConfig


class SubprocessorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subprocessors"
    verbose_name = "Sub-processors"

    def ready(self):
        # Signal receivers need the models, which exist only once apps are ready.
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415
        from wagtail.models import PageViewRestriction, Revision  # noqa: PLC0415
        from wagtail.signals import (  # noqa: PLC0415
            page_published,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from products.models import (  # noqa: PLC0415
            ProductPage,
            RetentionPage,
            SecurityStatementPage,
        )
        from trusthub.core.models import OrganisationSettings  # noqa: PLC0415

        from .cache import connect_page_purge, purge_register  # noqa: PLC0415
        from .changes import on_deleted, on_published, on_unpublished  # noqa: PLC0415
        from .deliveries import on_notice_published  # noqa: PLC0415
        from .models import ChangeNotice, Subprocessor  # noqa: PLC0415
        from .versions import register_changed, revision_scheduled  # noqa: PLC0415

        # A new register version (versions.py) whenever the public register, change log, feeds
        # or exports may read differently. Connected first: receivers run, and their on-commit
        # callbacks queue, in the order connected, so the version changes before the proxy is
        # purged (purge_register below) and cannot re-fetch the old page.
        version_signals = [
            (Subprocessor, (published, unpublished, post_delete)),
            (ChangeNotice, (published, unpublished, post_delete)),
            # Product names, slugs and order show in every filter and table; `.public()` reads
            # view restrictions.
            (ProductPage, (page_published, page_unpublished, post_page_move, post_delete)),
            (PageViewRestriction, (post_save, post_delete)),
            # Not on the register, but a new version also tells CacheControlMiddleware that a
            # response made meanwhile may be stale (home/apps.py does the same for its pages).
            (SecurityStatementPage, (page_published, page_unpublished)),
            (RetentionPage, (page_published, page_unpublished)),
            # Header, footer, DPO contact, notice period, feed author.
            (OrganisationSettings, (post_save,)),
        ]
        for model, signals in version_signals:
            for signal in signals:
                signal.connect(
                    register_changed,
                    sender=model,
                    dispatch_uid=f"register_version_{model.__name__}_{id(signal)}",
                )
        post_save.connect(revision_scheduled, sender=Revision, dispatch_uid="register_scheduled")

        published.connect(on_published, sender=Subprocessor, dispatch_uid="register_change")
        unpublished.connect(on_unpublished, sender=Subprocessor, dispatch_uid="register_removal")
        post_delete.connect(on_deleted, sender=Subprocessor, dispatch_uid="register_deletion")
        # Email alerts: the first time a notice goes live, queue one email per subscriber.
        published.connect(on_notice_published, sender=ChangeNotice, dispatch_uid="notice_alerts")
        for model in (Subprocessor, ChangeNotice):
            for signal in (published, unpublished, post_delete):
                signal.connect(
                    purge_register,
                    sender=model,
                    dispatch_uid=f"purge_{model.__name__}_{id(signal)}",
                )
        connect_page_purge()  # pages and organisation settings; last, as the purge above
