"""Articles in the other languages of the public site.

:func:`translation_for` is the one question the article route asks; the translation workflow
(wagtail-localize) answers it. Until then no article has a translation, and the route shows the
missing-translation page: the Dutch text, the steunpunt's phone number and the note that the steunpunt
can arrange an interpreter.
"""


def translation_for(article, language_code):
    """The live translation of ``article`` (an ``ArticlePage``) into ``language_code``, or ``None``.

    The page returned is an ``ArticlePage`` whose text is in ``language_code``; its ``starter_text`` is
    true while no translator or reviewer has checked it (the page then says so).
    """
    return None
