from django.apps import AppConfig


class SubprocessorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subprocessors"
    verbose_name = "Sub-processors"

    def ready(self):
        from wagtail.signals import published

        from .changes import on_published

        published.connect(on_published, dispatch_uid="subprocessors_register_change")
