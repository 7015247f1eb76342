"""Issue 17, media: article blocks for images, videos, downloads, a note, questions and answers and
numbered steps; their validation, how readers get them, and that readability and search count them."""

import re

import pytest
from wagtail.blocks import StreamValue, StructBlockValidationError

from steunpunt.information.audiences import Audience
from steunpunt.information.blocks import DocumentBlock, ImageBlock, VideoBlock, embed_player, file_size
from steunpunt.information.models import ArticlePage
from steunpunt.information.readability import analyse_version, stream_text
from steunpunt.information.search import search_articles
from steunpunt.information.search_index import article_fields
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import ArticlePageFactory, document_create, image_create, media_body

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    SupportPointFactory(hostname="noord.localhost")
    return {
        "image": image_create(),
        "video_file": document_create("Uitleg OPP", "uitleg-opp.mp4"),
        "captions": document_create(
            "Ondertitels", "uitleg-opp.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"
        ),
        "brochure": document_create("Folder", "folder.pdf", b"%PDF" + b"x" * 240_000),
    }


@pytest.fixture
def article(media):
    ArticlePageFactory(title="Praten met school", slug="praten-met-school", body=media_body(**media))
    return ArticlePage.objects.get(slug="praten-met-school")


def test_embed_addresses_become_players_that_set_no_cookies_and_other_addresses_are_refused():
    assert embed_player("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3") == (
        "YouTube",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    )
    assert embed_player("https://youtu.be/dQw4w9WgXcQ")[1].endswith("/embed/dQw4w9WgXcQ")
    assert embed_player("https://vimeo.com/76979871") == (
        "Vimeo",
        "https://player.vimeo.com/video/76979871?dnt=1",
    )
    for wrong in (
        "https://example.org/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/",
        "javascript:alert(1)",
        "",
    ):
        assert embed_player(wrong) is None


def _errors(block, value):
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))
    return {
        name: [str(message) for error in [errors] for message in getattr(error, "messages", [error])]
        for name, errors in raised.value.block_errors.items()
    }


def test_a_video_needs_one_source_and_captions_or_a_transcript(media):
    block = VideoBlock()
    video, captions = media["video_file"].pk, media["captions"].pk
    base = {"title": "Uitleg", "file": None, "embed_url": "", "captions": None, "transcript": ""}

    assert "file" in _errors(block, base)
    both = _errors(
        block, {**base, "file": video, "embed_url": "https://youtu.be/dQw4w9WgXcQ", "transcript": "T"}
    )
    assert "embed_url" in both
    no_text = _errors(block, {**base, "file": video})
    assert no_text["transcript"] == [
        "Voeg ondertitels (.vtt) of een uitgeschreven tekst toe, zodat iedereen de video kan volgen."
    ]
    embed_without_transcript = _errors(
        block, {**base, "embed_url": "https://youtu.be/dQw4w9WgXcQ", "captions": captions}
    )
    assert "transcript" in embed_without_transcript
    assert "embed_url" in _errors(block, {**base, "embed_url": "https://example.org/film", "transcript": "T"})
    assert "captions" in _errors(block, {**base, "file": video, "captions": media["brochure"].pk})
    assert "file" in _errors(block, {**base, "file": media["brochure"].pk, "transcript": "T"})

    # Either is enough for a file on this site; an embed with its transcript is fine.
    assert block.clean(block.to_python({**base, "file": video, "captions": captions}))
    assert block.clean(block.to_python({**base, "file": video, "transcript": "Wat er gezegd wordt."}))
    assert block.clean(
        block.to_python({**base, "embed_url": "https://vimeo.com/76979871", "transcript": "T"})
    )


def test_an_image_needs_its_alternative_text(media):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"image": media["image"].pk, "alt": "", "caption": ""}))
    assert "alt" in raised.value.block_errors
    assert block.clean(block.to_python({"image": media["image"].pk, "alt": "Een moeder.", "caption": ""}))


def test_file_sizes_read_as_readers_know_them():
    assert file_size(240_000) == "240 kB"
    assert file_size(300) == "1 kB"
    assert file_size(1_400_000) == "1,4 MB"
    assert file_size(None) == ""


def test_the_reader_gets_every_block_and_nothing_from_another_host_before_agreeing(client, article, media):
    response = client.get("/informatie/praten-met-school/", **HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<ol class="steps"><li>Schrijf uw vraag op.</li><li>Maak een afspraak met de mentor.</li></ol>'
        in html
    )
    assert (
        '<div class="callout" role="note"><p><strong class="callout-title">Let op:</strong> '
        "Let op de termijn van zes weken.</p></div>" in html
    )
    assert "<details><summary>Mag ik iemand meenemen?</summary><p>Ja, een bekende mag mee" in html
    # The image at the size the article shows, with its size against layout shift and its text.
    image = re.search(
        r'<figure class="media-image">\s*<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]+)"', html
    )
    assert image and image.group(1).startswith("/media/images/")
    assert (image.group(2), image.group(3), image.group(4)) == (
        "800",
        "533",
        "Een moeder praat met een leraar.",
    )
    assert client.get(image.group(1), **HOST).status_code == 200
    # The video on this site plays with its captions.
    assert (
        f'<track kind="captions" src="{media["captions"].url}" srclang="nl" label="Nederlands" default>'
        in html
    )
    # The YouTube video: where it comes from and a plain link; no player, no address it would load.
    assert "Deze video staat op YouTube." in html
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert "<iframe" not in html
    assert not re.search(r'(src|srcset|poster)="https?://', html)
    assert (
        '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener">Bekijk de video op YouTube</a>'
        in html
    )
    assert "Een vader vertelt over zijn zoon die thuis zit." in html
    # The download says what it is and how big.
    assert re.search(
        r'download>Folder over passend onderwijs</a> <span class="download-meta">\(PDF, 240 kB\)</span>', html
    )
    assert client.get(media["brochure"].url, **HOST).status_code == 200


def test_readability_counts_the_text_of_the_new_blocks_and_ignores_images(article):
    result = analyse_version(article.title, article.summary, article.body, audience=Audience.PARENTS)
    text = stream_text(article.title, article.summary, article.body)
    for sentence in (
        "Let op de termijn van zes weken.",
        "Ja, een bekende mag mee naar het gesprek.",
        "Maak een afspraak met de mentor.",
        "Mag ik iemand meenemen?",
        "Een vader vertelt over zijn zoon die thuis zit.",
    ):
        assert sentence in text
    # Steps are list items; the note, the answer and the transcript are running sentences.
    assert result.list_items == 2
    assert result.sentences == 5
    assert result.score is not None
    # An article of images only does not break the check.
    only_image = StreamValue(
        article.body.stream_block, [b for b in article.body.raw_data if b["type"] == "image"], is_lazy=True
    )
    photo = analyse_version("Foto", "", only_image, audience=Audience.PARENTS)
    # The title and the caption are counted as headings; there is no running text to score.
    assert (photo.score, photo.words, photo.headings) == (None, 0, 2)


def test_search_finds_an_article_by_the_text_of_a_note_an_answer_or_a_step(article):
    body = article_fields(article)["body"]
    assert (
        "zes weken" in body
        and "bekende mag mee" in body
        and "mentor" in body
        and "Folder over passend" in body
    )
    assert [hit.slug for hit in search_articles("bekende meenemen")[:5]] == ["praten-met-school"]
    assert [hit.slug for hit in search_articles("mentor afspraak")[:5]] == ["praten-met-school"]


def test_a_document_block_shows_type_and_size(media):
    context = DocumentBlock().get_context(
        DocumentBlock().to_python({"document": media["brochure"].pk, "title": ""})
    )
    assert (context["kind"], context["size"]) == ("PDF", "240 kB")
