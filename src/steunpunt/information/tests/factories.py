import factory

from steunpunt.information.models import ArticlePage, Theme
from steunpunt.information.services import library_ensure


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"thema-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")


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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        article = model_class(*args, **kwargs)
        library_ensure().add_child(instance=article)
        article.save_revision().publish()
        return article

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        return model_class(*args, **kwargs)
