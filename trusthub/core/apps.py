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

        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415
        from wagtail.models import Locale  # noqa: PLC0415

        from .locales import forget_locales  # noqa: PLC0415

        for signal in (post_save, post_delete):
            signal.connect(
                forget_locales, sender=Locale, dispatch_uid=f"forget_locales_{id(signal)}"
            )
