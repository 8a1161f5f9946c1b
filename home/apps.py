from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Trust Hub home"

    def ready(self):
        # Publishing the home page or a standard page starts a new published-content version, so
        # a response made meanwhile is not kept by the proxy (trusthub/middleware.py).
        from wagtail.signals import page_published, page_unpublished  # noqa: PLC0415

        from subprocessors.versions import register_changed  # noqa: PLC0415

        from .models import HomePage, StandardPage  # noqa: PLC0415

        for model in (HomePage, StandardPage):
            for signal in (page_published, page_unpublished):
                signal.connect(
                    register_changed,
                    sender=model,
                    dispatch_uid=f"content_version_{model.__name__}_{id(signal)}",
                )
