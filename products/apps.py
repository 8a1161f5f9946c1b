from django.apps import AppConfig
from django.utils.translation import gettext, ngettext

from . import retention


class ProductsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "products"
    verbose_name = "Products"

    def ready(self):
        # The retention engine is pure Python: it writes its sentences through the translation
        # functions it is given, here Django's, so they are in the language of the request.
        retention.install_translations(gettext, ngettext)
