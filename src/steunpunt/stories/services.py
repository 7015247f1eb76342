from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Story


def story_submit(*, support_point, author, text, consent):
    """Store a story as sent; it is not public until a moderator publishes an edited text."""
    return Story.objects.create(
        support_point=support_point, author=author, submitted_text=text.strip(), consent_to_publish=consent
    )


@transaction.atomic
def story_publish(*, story, title, text, by):
    """Publish the moderated text. Refused without the writer's consent or without a text."""
    if not story.consent_to_publish:
        raise ValidationError(_("The writer did not give consent to publish this story."))
    if not title.strip() or not text.strip():
        raise ValidationError(_("Give the story a title and the text to publish."))
    story.title, story.published_text = title.strip(), text.strip()
    story.status, story.moderated_by = Story.Status.PUBLISHED, by
    story.save()
    log(story, "wagtail.publish", user=by)
    return story
