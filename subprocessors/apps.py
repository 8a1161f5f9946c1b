from django.apps import AppConfig


class SubprocessorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subprocessors"
    verbose_name = "Sub-processors"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import published, unpublished

        from .cache import purge_register
        from .changes import on_deleted, on_published, on_unpublished
        from .models import ChangeNotice, Subprocessor

        published.connect(on_published, dispatch_uid="subprocessors_register_change")
        unpublished.connect(on_unpublished, dispatch_uid="subprocessors_register_removal")
        post_delete.connect(
            on_deleted, sender=Subprocessor, dispatch_uid="subprocessors_register_deletion"
        )
        for signal in (published, unpublished):
            signal.connect(purge_register, dispatch_uid=f"subprocessors_purge_{signal}")
        for model in (Subprocessor, ChangeNotice):
            post_delete.connect(
                purge_register, sender=model, dispatch_uid=f"subprocessors_purge_{model}"
            )
