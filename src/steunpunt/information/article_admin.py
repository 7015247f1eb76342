"""The article editor's readability panel and the rule for publishing below the target."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

from .audiences import READABILITY_TARGETS, Audience
from .readability import analyse_version

VERSION_FIELDS = {
    Audience.PARENTS: ("title", "summary", "body"),
    Audience.YOUTH: ("youth_title", "youth_summary", "youth_body"),
    Audience.CHILDREN: ("children_title", "children_summary", "children_body"),
}


def version_analyses(values):
    """Return ``[(audience, target, Readability)]`` for each version present in ``values`` (a mapping)."""
    from .models import GlossaryTerm

    glossary_forms = [form for term in GlossaryTerm.objects.all() for form in term.forms()]
    analyses = []
    for audience, (title, summary, body) in VERSION_FIELDS.items():
        if not values.get(title) or not values.get(body):
            continue
        result = analyse_version(
            values.get(title),
            values.get(summary),
            values.get(body),
            audience=audience,
            glossary_forms=glossary_forms,
        )
        analyses.append((audience, READABILITY_TARGETS[audience], result))
    return analyses


class ArticleForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        # An article goes live only through the validation chain, so the rule holds when it is
        # submitted to the chain (and for a publish request, which is refused and saved as a draft).
        going_live = "action-submit" in self.data or "action-publish" in self.data
        if going_live and not (cleaned.get("readability_reason") or "").strip():
            below = [
                str(Audience(audience).label)
                for audience, target, result in version_analyses(cleaned)
                if not result.meets(target)
            ]
            if below:
                self.add_error(
                    "readability_reason",
                    _(
                        "These versions are harder to read than the target: %(versions)s. "
                        "Make the text easier, or write down why it may be published like this."
                    )
                    % {"versions": ", ".join(below)},
                )
        return cleaned


class ReadabilityPanel(Panel):
    """Shows, per version: the Flesch-Douma score of its sentences against its target, headings and
    list items counted apart, the share of uncommon words against its target, long sentences and
    words, glossary words and unexplained jargon."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "information/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            values = {
                name: getattr(self.instance, name, None)
                for fields in VERSION_FIELDS.values()
                for name in fields
            }
            context["analyses"] = [
                {
                    "label": Audience(audience).label,
                    "target": target,
                    "result": result,
                    "ok": result.meets(target),
                    "words_ok": result.meets_words(),
                }
                for audience, target, result in version_analyses(values)
            ]
            return context


class ValidationRecordPanel(Panel):
    """The expert's recorded sources and the reading panel's answers, in the article editor."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "information/admin/validation_record.html"

        def get_context_data(self, parent_context=None):
            from .selectors import validation_record

            context = super().get_context_data(parent_context)
            if self.instance.pk is None:
                return {**context, "show": False}
            return {
                **context,
                "show": True,
                "last_checked_at": self.instance.last_checked_at,
                **validation_record(self.instance.pk),
            }
