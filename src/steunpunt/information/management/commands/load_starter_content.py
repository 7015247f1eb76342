from django.core.management.base import BaseCommand

from steunpunt.core.references import references_indexed_at_the_end
from steunpunt.information.starter import load_starter_articles, load_starter_glossary, load_starter_synonyms
from steunpunt.information.starter_translations import load_starter_translations
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.socialmap.starter import load_starter_organisations


class Command(BaseCommand):
    help = (
        "Load the starter national set: articles, glossary, search synonyms, national organisations and "
        "the self-help tools' route steps, deadline rules and letters (drafts, not yet validated). "
        "Safe to run again: nothing that exists is overwritten."
    )

    def handle(self, *args, **options):
        with references_indexed_at_the_end():
            articles, terms = load_starter_articles(), load_starter_glossary()
            synonyms, organisations = load_starter_synonyms(), load_starter_organisations()
            selfhelp = load_starter_selfhelp()
            translations = load_starter_translations()
        self.stdout.write(
            f"{articles} articles ({len(translations.created)} translations), {terms} glossary terms, "
            f"{synonyms} search synonyms, "
            f"{organisations} national organisations and {selfhelp} self-help texts created"
        )
