from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action

from .models import Story
from .services import story_publish


class ModerationForm(forms.ModelForm):
    publish = forms.BooleanField(label=_("Publish this story"), required=False)

    class Meta:
        model = Story
        fields = ["submitted_text", "title", "published_text", "themes", "articles"]
        widgets = {"submitted_text": forms.Textarea(attrs={"readonly": True, "rows": 6})}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submitted_text"].disabled = True

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publish"):
            if not self.instance.consent_to_publish:
                raise ValidationError(_("The writer did not give consent to publish this story."))
            if not (cleaned.get("title") or "").strip() or not (cleaned.get("published_text") or "").strip():
                raise ValidationError(_("Give the story a title and the text to publish."))
        return cleaned


class StoryEditView(generic.EditView):
    def save_instance(self):
        story = self.form.save()
        if self.form.cleaned_data.get("publish"):
            story_publish(story=story, title=story.title, text=story.published_text, by=self.request.user)
        return story


class StoryViewSet(ScopedModelViewSet):
    """Volunteers and coordinators moderate their own steunpunt's stories."""

    model = Story
    actions = {"view": Action.STORY_MODERATE, "change": Action.STORY_MODERATE}
    icon = "openquote"
    menu_label = _("Experiences")
    menu_order = 330
    add_to_admin_menu = True
    edit_view_class = StoryEditView
    list_display = ["__str__", "status", "consent_to_publish", "support_point", "submitted_on"]
    list_filter = ["status"]

    def get_form_class(self, for_update=False):
        return ModerationForm


@hooks.register("register_admin_viewset")
def register_stories():
    return StoryViewSet("stories")
