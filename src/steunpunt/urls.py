from django.conf.urls.i18n import i18n_patterns
from django.http import Http404
from django.urls import include, path, register_converter
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from steunpunt.accounts import urls as accounts_urls
from steunpunt.concerns.views import what_we_heard
from steunpunt.consultations import views as consultations
from steunpunt.core.converters import NotANumber
from steunpunt.core.health import health
from steunpunt.core.public_forms import form_key
from steunpunt.evaluations.views import answer as evaluation_answer
from steunpunt.findability import views as findability
from steunpunt.information.views import article_feedback, article_read, image_rendition
from steunpunt.meetings import views as meetings
from steunpunt.portal import sitemaps
from steunpunt.portal.views import brand_css
from steunpunt.schools import views as schools
from steunpunt.selfhelp import views as selfhelp
from steunpunt.socialmap.views import social_map
from steunpunt.stories.views import stories
from steunpunt.support import public_views as support
from steunpunt.tenants import brand_views

register_converter(NotANumber, "notanumber")


def not_found(request, **kwargs):
    raise Http404


urlpatterns = [
    # Wagtail's choosers take any text as the number of a document or image and answer a 500 to one
    # that is not a number; here such an address is simply not found.
    path("admin/documents/chooser/chosen/<notanumber:pk>/", not_found),
    path("admin/images/chooser/chosen/<notanumber:pk>/", not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("beveiliging/", include(accounts_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name=sitemaps.SECTION_URL_NAME),
    path("health/", health, name="health"),
    path("huisstijl.css", brand_css, name="brand_css"),
    path("huisstijl/logo.png", brand_views.logo, name="brand_logo"),
    path("huisstijl/icoon.png", brand_views.icon, name="brand_icon"),
    path("formulier-sleutel/", form_key, name="public_form_key"),
    path("gelezen/<int:pk>/<str:segment>.gif", article_read, name="article_read"),
    path("media/images/<str:name>", image_rendition, name="image_rendition"),
    path("zoeken/naar/", findability.result_click, name="search_click"),
]

# The public site: Dutch at these addresses, every other language under its code (/en/vraag/): the
# language comes from the address alone (core/site_languages.py).
urlpatterns += i18n_patterns(
    path("reactie/<slug:slug>/", article_feedback, name="article_feedback"),
    path("zoeken/suggesties/", findability.suggest, name="search_suggest"),
    path("hulp-in-de-buurt/", social_map, name="social_map"),
    path("ervaringen/", stories, name="stories"),
    path("scholen/", schools.school_list, name="school_list"),
    path("scholen/<str:code>/", schools.school_detail, name="school_detail"),
    path("scholen/<str:code>/materiaal/", schools.material_page, name="school_material"),
    path("scholen/<str:code>/materiaal/<slug:kind>.pdf", schools.material_pdf, name="school_material_pdf"),
    path("materiaal/", schools.material_page, name="material"),
    path("materiaal/<slug:kind>.pdf", schools.material_pdf, name="material_pdf"),
    path("materiaal/hulp-nodig.png", schools.material_button, name="material_button"),
    path("bijeenkomsten/", meetings.meeting_list, name="meeting_list"),
    path("bijeenkomsten/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("bijeenkomsten/<int:pk>/agenda.ics", meetings.meeting_ics, name="meeting_ics"),
    path(
        "bijeenkomsten/afmelden/<str:token>/", meetings.registration_cancel_view, name="registration_cancel"
    ),
    path("zelf-doen/", selfhelp.index, name="selfhelp_index"),
    path("zelf-doen/wegwijzer/", selfhelp.route, name="selfhelp_route"),
    path("zelf-doen/termijnen/", selfhelp.deadlines, name="selfhelp_deadlines"),
    path("zelf-doen/brief/", selfhelp.letters, name="selfhelp_letters"),
    path("zelf-doen/brief/<slug:slug>/", selfhelp.letter, name="selfhelp_letter"),
    path("zelf-doen/gesprek/", selfhelp.conversation, name="selfhelp_conversation"),
    path("vraag/", support.question, name="question"),
    path("vraag/jongeren/", support.youth_question, name="youth_question"),
    path("bel-mij-terug/", support.callback, name="callback"),
    path("mijn-vraag/<str:token>/", support.my_question, name="my_question"),
    path(
        "mijn-vraag/<str:token>/bijlage/<int:pk>/",
        support.my_question_attachment,
        name="my_question_attachment",
    ),
    path("privacy/", support.privacy_statement, name="privacy_statement"),
    path("privacy/jongeren/", support.privacy_statement_youth, name="privacy_statement_youth"),
    path("wat-we-hoorden/", what_we_heard, name="what_we_heard"),
    path("evaluatie/<str:token>/", evaluation_answer, name="evaluation_answer"),
    path("spreekuur/", consultations.slot_list, name="consultation_list"),
    path("spreekuur/<int:pk>/", consultations.slot_detail, name="consultation_slot"),
    path("spreekuur/afspraak/<str:token>/", consultations.booking_detail, name="consultation_booking"),
    path(
        "spreekuur/afspraak/<str:token>/agenda.ics",
        consultations.booking_ics,
        name="consultation_booking_ics",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "steunpunt.core.views.page_not_found"
handler500 = "steunpunt.core.views.server_error"
