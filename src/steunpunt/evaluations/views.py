from contextlib import suppress

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from steunpunt.core.address import for_audience as address_for_audience
from steunpunt.core.address import speaking
from steunpunt.core.public_forms import protected

from .forms import AnswerForm
from .models import Invitation
from .services import AlreadyAnswered, evaluation_answer


@require_http_methods(["GET", "POST"])
@protected
def answer(request, token):
    """The one-time questionnaire, in the words of its audience ("je" for young people)."""
    support_point = getattr(request, "support_point", None)
    invitation = (
        Invitation.objects.select_related("questionnaire")
        .filter(token=token, support_point=support_point)
        .first()
        if support_point is not None
        else None
    )
    if invitation is None:
        raise Http404
    with speaking(address_for_audience(invitation.questionnaire.audience)):
        return _answer(request, invitation).render()


def _answer(request, invitation):
    """The link works once; after that it only says thank you."""
    template = "evaluations/answer.html"
    youth = invitation.questionnaire.audience == "youth"
    if invitation.answered:
        return TemplateResponse(request, template, {"done": True, "invitation": invitation, "youth": youth})
    form = AnswerForm(
        request.POST if request.method == "POST" else None, questionnaire=invitation.questionnaire
    )
    if request.method == "POST":
        if form.is_valid():
            # A second, simultaneous answer through the same link is dropped: the first one counts.
            with suppress(AlreadyAnswered):
                evaluation_answer(invitation=invitation, answers=form.answers())
            return TemplateResponse(
                request, template, {"done": True, "invitation": invitation, "thanks": True, "youth": youth}
            )
        return TemplateResponse(
            request, template, {"form": form, "invitation": invitation, "youth": youth}, status=400
        )
    response = TemplateResponse(request, template, {"form": form, "invitation": invitation, "youth": youth})
    response["Referrer-Policy"] = "same-origin"
    return response
