from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "steunpunt.schools"
    label = "schools"
    verbose_name = _("Schools")
    default_auto_field = "django.db.models.BigAutoField"
    # The public pages the page cache keeps, and the content they show (steunpunt.core.page_cache).
    page_cache_paths = ("/scholen/",)
    page_cache_content = ("schools.School", "schools.Specialism")
    # Who may do what in the back office (steunpunt.core.access_generation): a contact person's schools.
    access_models = ("schools.SchoolContact",)
