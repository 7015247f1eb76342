from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from steunpunt.tenants.policy import Action, can
from steunpunt.tenants.selectors import support_points_for

from .models import Story
from .services import story_publish


def _stories_of(user):
    return Story.objects.filter(support_point__in=support_points_for(user, Action.STORY_MODERATE))


class StoryPolicy(BasePermissionPolicy):
    """Volunteers and coordinators moderate their own steunpunt's stories."""

    def user_has_permission(self, user, action):
        return action in {"change", "view"} and can(user, Action.STORY_MODERATE)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in {"change", "view"} and can(user, Action.STORY_MODERATE, instance.support_point_id)

    def instances_user_has_any_permission_for(self, user, actions):
        return _stories_of(user)


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


class StoryIndexView(generic.IndexView):
    def get_base_queryset(self):
        return _stories_of(self.request.user)


class StoryEditView(generic.EditView):
    def get_queryset(self):
        return _stories_of(self.request.user)

    def save_instance(self):
        story = self.form.save()
        if self.form.cleaned_data.get("publish"):
            story_publish(story=story, title=story.title, text=story.published_text, by=self.request.user)
        return story


class StoryViewSet(ModelViewSet):
    model = Story
    icon = "openquote"
    menu_label = _("Experiences")
    menu_order = 330
    add_to_admin_menu = True
    index_view_class = StoryIndexView
    edit_view_class = StoryEditView
    list_display = ["__str__", "status", "consent_to_publish", "support_point", "submitted_on"]
    list_filter = ["status"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ModerationForm


register_permission_policy(Story, StoryPolicy(Story))


@hooks.register("register_admin_viewset")
def register_stories():
    return StoryViewSet("stories")
