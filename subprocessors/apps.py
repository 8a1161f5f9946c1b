from django.apps import AppConfig


class SubprocessorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subprocessors"
    verbose_name = "Sub-processors"

    def ready(self):
        # Signal receivers need the models, which exist only once apps are ready.
        from django.db.models.signals import post_delete  # noqa: PLC0415
        from wagtail.signals import published, unpublished  # noqa: PLC0415

        from .cache import purge_register  # noqa: PLC0415
        from .changes import on_deleted, on_published, on_unpublished  # noqa: PLC0415
        from .deliveries import on_notice_published  # noqa: PLC0415
        from .models import ChangeNotice, Subprocessor  # noqa: PLC0415

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
