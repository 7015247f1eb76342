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


def _root_collection():
    """Wagtail's root collection (a transactional test database starts without it)."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def image_create(title="Een ouder op school", size=(1200, 800), collection=None):
    """A real PNG in Wagtail's image library (store it under a temporary MEDIA_ROOT)."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as Picture
    from wagtail.images import get_image_model

    data = BytesIO()
    Picture.new("RGB", size, (31, 92, 153)).save(data, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(data, name="ouder.png"), collection=collection or _root_collection()
    )


def document_create(title, name, content=b"x"):
    """A file in Wagtail's document library; ``name`` sets its type (``brochure.pdf``)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=name), collection=_root_collection()
    )


def media_body(image, video_file, captions, brochure):
    """An article text with every block of issue 17, as the raw stream an editor would save."""
    return [
        ("heading", "Wat kunt u doen?"),
        ("paragraph", "Praat eerst met de school."),
        ("steps", ["Schrijf uw vraag op.", "Maak een afspraak met de mentor."]),
        ("callout", "Let op de termijn van zes weken."),
        (
            "questions",
            [{"question": "Mag ik iemand meenemen?", "answer": "Ja, een bekende mag mee naar het gesprek."}],
        ),
        ("image", {"image": image, "alt": "Een moeder praat met een leraar.", "caption": "Een gesprek."}),
        (
            "video",
            {
                "title": "Uitleg over het OPP",
                "file": video_file,
                "embed_url": "",
                "captions": captions,
                "transcript": "",
            },
        ),
        (
            "video",
            {
                "title": "Filmpje over thuiszitten",
                "file": None,
                "embed_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "captions": None,
                "transcript": "Een vader vertelt over zijn zoon die thuis zit.",
            },
        ),
        ("document", {"document": brochure, "title": "Folder over passend onderwijs"}),
    ]
