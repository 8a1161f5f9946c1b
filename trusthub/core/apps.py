from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer: organisation settings, shared page mixins, rich-text features, admin
    date fields. Imports no other app of the project."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "trusthub.core"
    label = "core"
    verbose_name = "Trust Hub core"

    def ready(self):
        # Before any admin form class is built: every admin date field accepts ISO and UK
        # dates and refuses anything else.
        from .admin_dates import register_admin_date_fields  # noqa: PLC0415 (needs apps ready)

        register_admin_date_fields()
