"""The validation chain of a national article: expert check with sources, then the reading panel."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from steunpunt.tenants.policy import Action, can


class ExpertCheckTask(AbstractGroupApprovalTask):
    """Factual check by an expert from the chosen groups, who must record the sources."""

    class Meta:
        verbose_name = _("factual check by an expert")
        verbose_name_plural = _("factual checks by an expert")

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        if submitted_by(obj.current_workflow_task_state, user):
            # Separation of duties: whoever submitted or wrote this revision may not approve its facts.
            return []
        return [("reject", _("Request changes"), True), ("approve", _("Facts are correct"), True)]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    def get_form_for_action(self, action):
        from ..workflow_forms import ExpertCheckForm, TaskStateCommentForm

        return ExpertCheckForm if action == "approve" else TaskStateCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            ExpertCheck.objects.create(
                page_id=task_state.workflow_state.object_id,
                revision=task_state.revision,
                checked_by=user,
                sources=kwargs.pop("sources"),
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("An expert checks the facts and records the sources")


def submitted_by(task_state, user):
    """Whether ``user`` submitted the workflow of ``task_state`` or wrote the revision it checks."""
    if task_state is None:
        return False
    return user.pk in (task_state.workflow_state.requested_by_id, task_state.revision.user_id)


def _is_panel_member(user):
    return user.is_active and user.memberships.filter(role="panel_member").exists()


class PanelReviewTask(Task):
    """Parents or young people of the reading panel say whether they understand the draft.

    Panel members see only the draft (preview) and a short form; the national editorial team
    closes the step when enough panel members have answered.
    """

    class Meta:
        verbose_name = _("reading-panel check")
        verbose_name_plural = _("reading-panel checks")

    def get_actions(self, obj, user):
        actions = []
        if _is_panel_member(user):
            actions.append(("review", _("Give your opinion"), True))
        if user.is_superuser or can(user, Action.CONTENT_EDIT_NATIONAL):
            actions += [("reject", _("Request changes"), True), ("approve", _("Panel check done"), False)]
        return actions

    def get_form_for_action(self, action):
        from ..workflow_forms import PanelReviewForm, TaskStateCommentForm

        return PanelReviewForm if action == "review" else TaskStateCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "review":
            PanelReview.objects.update_or_create(
                revision=task_state.revision,
                reviewer=user,
                defaults={
                    "page_id": task_state.workflow_state.object_id,
                    "understandable": kwargs["understandable"],
                    "unclear": kwargs.get("unclear", ""),
                    "hard_words": kwargs.get("hard_words", ""),
                },
            )
            # A confirmation for the panel member, on a screen a panel member may open.
            from django.urls import reverse

            return reverse("information_panel_review_done", args=[task_state.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or can(user, Action.CONTENT_EDIT_NATIONAL))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        open_states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or can(user, Action.CONTENT_EDIT_NATIONAL):
            return open_states
        if _is_panel_member(user):
            # Once a panel member has answered about this revision, the task leaves their list.
            answered = PanelReview.objects.filter(reviewer=user, revision=models.OuterRef("revision"))
            return open_states.exclude(models.Exists(answered))
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _("Members of the reading panel say whether they understand the text")


class ExpertCheck(models.Model):
    """An expert's approval of one revision, with the sources checked."""

    page = models.ForeignKey(
        "information.ArticlePage", on_delete=models.CASCADE, related_name="expert_checks"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    checked_on = models.DateField(_("checked on"), auto_now_add=True)
    sources = models.TextField(_("sources checked"))
    completed = models.BooleanField(_("validation completed"), default=False)

    class Meta:
        verbose_name = _("expert check")
        verbose_name_plural = _("expert checks")

    def __str__(self):
        return f"{self.page} – {self.checked_on}"


class PanelReview(models.Model):
    """One reading-panel member's answer about one revision."""

    class Understandable(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    page = models.ForeignKey(
        "information.ArticlePage", on_delete=models.CASCADE, related_name="panel_reviews"
    )
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    understandable = models.CharField(_("understandable"), max_length=6, choices=Understandable.choices)
    unclear = models.TextField(_("what is unclear"), blank=True)
    hard_words = models.CharField(_("hard words"), max_length=500, blank=True)
    given_on = models.DateField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("panel review")
        verbose_name_plural = _("panel reviews")
        constraints = [
            models.UniqueConstraint(fields=["revision", "reviewer"], name="one_review_per_revision")
        ]

    def __str__(self):
        return f"{self.page} – {self.get_understandable_display()}"
