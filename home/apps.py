from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Trust Hub home"

    def ready(self):
        # Before any admin form class is built: every admin date field accepts ISO and UK
        # dates and refuses anything else (issue 10).
        from trusthub.admin_dates import register_admin_date_fields

        register_admin_date_fields()
