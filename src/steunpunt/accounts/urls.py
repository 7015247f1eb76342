from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("tweestapsverificatie/instellen/", views.setup, name="setup"),
    path("tweestapsverificatie/", views.verify, name="verify"),
]
