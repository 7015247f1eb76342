import factory

from steunpunt.stories.models import Story
from steunpunt.tenants.tests.factories import SupportPointFactory


class StoryFactory(factory.django.DjangoModelFactory):
    """A story as a parent sends it, waiting for moderation (it names a child, as real ones do)."""

    class Meta:
        model = Story

    support_point = factory.SubFactory(SupportPointFactory)
    author = Story.Author.PARENT
    submitted_text = factory.Sequence(lambda n: f"Mijn dochter Noor ({n + 7} jaar) zat maanden thuis.")
    consent_to_publish = True
