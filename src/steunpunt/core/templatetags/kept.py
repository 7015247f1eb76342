"""``{% kept "name" value … %}…{% endkept %}``: a part of a public page rendered once per process for
each content generation, language and the values named, then reused.

For what is the same on every page of a site (the contact block in the footer, the menu): rendering
it again on every page cost queries and template work (bench/README.md, P3). The content generation
moves on at every change of content (steunpunt.core.page_cache), so a kept part is never older than
what the page cache may serve. Only for parts that depend on nothing but the values named, the
language and the content: never a form with a token, the visitor's session or the page's address.
"""

import threading

from django import template
from django.utils.translation import get_language

from steunpunt.core import page_cache

register = template.Library()

_memory = {}  # (name, language, values…) → (generation, html)
_lock = threading.Lock()
LIMIT = 2000


class KeptNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        key = (self.name, get_language(), *(value.resolve(context) for value in self.values))
        generation = page_cache.current_generation(context.get("request"))
        entry = _memory.get(key)
        if entry is not None and entry[0] == generation:
            return entry[1]
        html = self.nodelist.render(context)  # a SafeString: every node escaped its own output
        with _lock:
            if len(_memory) >= LIMIT:
                _memory.clear()
            _memory[key] = (generation, html)
        return html


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% kept %} needs a name: {% kept "contact" support_point.pk %}')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])


def forget():
    """Empty the memory (tests that change content without the signals)."""
    with _lock:
        _memory.clear()
