import factory

from steunpunt.information.models import ArticlePage, GlossaryTerm, Theme
from steunpunt.information.services import library_ensure


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"thema-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    """A glossary term with an adult explanation only; pass ``explanation_youth`` or
    ``explanation_children`` for the other audiences."""

    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"begrip{n}")
    slug = factory.Sequence(lambda n: f"begrip-{n}")
    explanation = "Uitleg voor volwassenen."


class ArticlePageFactory(factory.Factory):
    """A published national article in the library; ``youth=True`` adds a version for young people."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    summary = "Een korte samenvatting."
    body = factory.LazyFunction(lambda: [("paragraph", "De school moet een goede plek zoeken.")])
    starter_text = True

    class Params:
        youth = factory.Trait(
            youth_title="Voor jongeren",
            youth_summary="Kort.",
            youth_body=factory.LazyFunction(lambda: [("paragraph", "Jij hebt ook rechten.")]),
        )
        children = factory.Trait(
            children_title="Voor kinderen",
            children_summary="Kort.",
            children_body=factory.LazyFunction(lambda: [("paragraph", "Jij mag ook iets zeggen.")]),
        )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        article = model_class(*args, **kwargs)
        library_ensure().add_child(instance=article)
        article.save_revision().publish()
        return article

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        return model_class(*args, **kwargs)
