from django.core.management.base import BaseCommand

from steunpunt.core import page_cache
from steunpunt.information.models import SearchPosting, SearchTerm
from steunpunt.information.search_index import rebuild


class Command(BaseCommand):
    help = (
        "Build the site search's own index (terms and BM25F weights of every live article) again. "
        "Publishing keeps it current; run this after writing articles outside Wagtail (bulk imports)."
    )

    def handle(self, *args, **options):
        rebuild()
        page_cache.bump_generation()
        self.stdout.write(
            f"{SearchPosting.objects.count()} index entries, {SearchTerm.objects.count()} terms"
        )
