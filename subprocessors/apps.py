from django.apps import AppConfig


class SubprocessorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subprocessors"
    verbose_name = "Sub-processors"
