"""Issue 17, reading help and media, in a real browser (Chromium): "Lees voor", the layout at 320 px
and at 200 % text, printing, and a video from another platform that loads only after a click."""

import pytest
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.information.models import ArticlePage
from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import ArticlePageFactory, GlossaryTermFactory, document_create, image_create, media_body

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Headless Chromium has no voices (and may have no speechSynthesis at all), so it cannot speak. This
# stands in for the BROWSER's speech API only — window.speechSynthesis and SpeechSynthesisUtterance —
# and records what the page asks it to say; our own script (static/js/read-aloud.js) runs unchanged.
# __finishSentence() plays the part of the speech engine reaching the end of the sentence it speaks.
FAKE_SPEECH = """
(() => {
  const voices = %s;
  window.__spoken = [];
  window.__speech = {current: null, paused: false, cancelled: 0};
  class FakeUtterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; }
  }
  const synth = {
    getVoices() { return voices; },
    speak(utterance) {
      const voice = utterance.voice && utterance.voice.name;
      window.__spoken.push({text: utterance.text, lang: utterance.lang, voice: voice});
      window.__speech.current = utterance;
      setTimeout(() => utterance.onstart && utterance.onstart({}), 0);
    },
    pause() { window.__speech.paused = true; },
    resume() { window.__speech.paused = false; },
    cancel() {
      const utterance = window.__speech.current;
      window.__speech.current = null;
      window.__speech.cancelled += 1;
      if (utterance && utterance.onerror) { utterance.onerror({error: "interrupted"}); }
    },
    addEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = FakeUtterance;
  window.__finishSentence = () => {
    const utterance = window.__speech.current;
    window.__speech.current = null;
    if (utterance && utterance.onend) { utterance.onend({}); }
  };
})();
"""
DUTCH_VOICE = '[{"name": "Nederlands (test)", "lang": "nl-NL"}]'
NO_SPEECH = 'Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});'
# The text highlighted now, as one line ("" when nothing is).
HIGHLIGHTED = (
    "(() => { const h = CSS.highlights.get('read-aloud');"
    " return h ? [...h].map(r => r.toString()).join('').replace(/\\s+/g, ' ').trim() : ''; })()"
)
WATCH_POLICY = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push([event.violatedDirective, event.blockedURI].join(" "));
});
"""


@pytest.fixture
def site(transactional_db, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    SupportPointFactory(hostname="noord.localhost", name="Steunpunt Noord")
    GlossaryTermFactory(term="OPP", slug="opp", explanation="Het plan voor de extra hulp op school.")
    ArticlePageFactory(
        title="Thuiszitten",
        slug="thuiszitten",
        summary="Gaat uw kind niet naar school? Dan kunt u hulp vragen.",
        body=[
            ("heading", "Wat kunt u doen?"),
            ("paragraph", "Praat eerst met de school over het OPP. Vraag wat er nodig is!"),
            ("callout", "Houd de termijn van zes weken in de gaten."),
            ("questions", [{"question": "Mag ik iemand meenemen?", "answer": "Ja, dat mag."}]),
        ],
        youth=True,
    )
    ArticlePageFactory(
        title="Praten met school",
        slug="praten-met-school",
        body=media_body(
            image=image_create(),
            video_file=document_create("Uitleg OPP", "uitleg-opp.mp4"),
            captions=document_create(
                "Ondertitels", "uitleg.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"
            ),
            brochure=document_create("Folder", "folder.pdf", b"%PDF" + b"x" * 240_000),
        ),
    )
    assert ArticlePage.objects.count() == 2
    return f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"


def _until(page, expression, timeout=10_000):
    """Wait until ``expression`` is true in the page. Playwright's wait_for_function evaluates a
    string, which the page's policy (no 'unsafe-eval') rightly forbids; evaluate() is not affected."""
    for _attempt in range(timeout // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"not in time: {expression}")


def _other_hosts(page, base):
    """Record every request the page makes to a host other than the site's own, and stop it there."""
    others = []

    def judge(route):
        url = route.request.url
        if url.startswith((base, "data:")):
            route.continue_()
        else:
            others.append(url)
            route.abort()

    page.route("**/*", judge)
    return others


def test_read_aloud_reads_each_sentence_in_the_page_language_highlights_it_pauses_and_stops(site, browser):
    """The speech API is simulated (FAKE_SPEECH, see there): headless Chromium cannot speak."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(FAKE_SPEECH % DUTCH_VOICE)
    page = context.new_page()
    page.goto(f"{site}/informatie/thuiszitten/")
    start = page.get_by_role("button", name="Lees voor")
    expect(start).to_be_visible()
    expect(page.get_by_role("button", name="Pauze")).to_be_hidden()
    assert violations(page) == []

    start.click()
    _until(page, "window.__spoken.length === 1")
    first = page.evaluate("window.__spoken[0]")
    assert first == {"text": "Thuiszitten", "lang": "nl", "voice": "Nederlands (test)"}
    _until(page, f"{HIGHLIGHTED} === 'Thuiszitten'")

    # Pause and go on.
    page.get_by_role("button", name="Pauze").click()
    assert page.evaluate("window.__speech.paused") is True
    page.get_by_role("button", name="Verder").click()
    assert page.evaluate("window.__speech.paused") is False
    expect(page.get_by_role("button", name="Pauze")).to_be_visible()
    assert violations(page) == []

    # One utterance per sentence, in reading order, each highlighted while it is spoken. The
    # glossary word is read as a word; its hidden explanation and the closed answer are not read.
    expected = [
        "Thuiszitten",
        "Gaat uw kind niet naar school?",
        "Dan kunt u hulp vragen.",
        "Wat kunt u doen?",
        "Praat eerst met de school over het OPP.",
        "Vraag wat er nodig is!",
        "Let op: Houd de termijn van zes weken in de gaten.",
        "Mag ik iemand meenemen?",
    ]
    for number, sentence in enumerate(expected[1:], start=2):
        page.evaluate("window.__finishSentence()")
        _until(page, f"window.__spoken.length === {number}")
        _until(page, f"{HIGHLIGHTED} === {sentence!r}")
    spoken = page.evaluate("window.__spoken")
    assert [item["text"] for item in spoken[: len(expected)]] == expected
    assert {item["lang"] for item in spoken} == {"nl"}

    # Stop: the reading ends, the highlight goes, only "Lees voor" is left.
    page.get_by_role("button", name="Stop").click()
    assert page.evaluate(HIGHLIGHTED) == ""
    expect(page.get_by_role("button", name="Pauze")).to_be_hidden()
    expect(page.get_by_role("button", name="Stop")).to_be_hidden()
    expect(start).to_be_focused()

    # Every audience version has it.
    page.goto(f"{site}/informatie/thuiszitten/jongeren/")
    expect(page.get_by_role("button", name="Lees voor")).to_be_visible()
    context.close()


def test_read_aloud_stays_hidden_where_the_browser_cannot_speak_the_page_language(site, browser):
    for script in (NO_SPEECH, FAKE_SPEECH % '[{"name": "English", "lang": "en-US"}]'):
        context = browser.new_context()
        context.add_init_script(script)
        page = context.new_page()
        page.goto(f"{site}/informatie/thuiszitten/")
        page.wait_for_load_state("load")
        expect(page.locator("[data-read-aloud]")).to_be_hidden()
        context.close()
    # Chromium as it is, nothing simulated: the control shows exactly when it has a Dutch voice.
    page = browser.new_page()
    page.goto(f"{site}/informatie/thuiszitten/")
    page.wait_for_timeout(500)
    dutch = page.evaluate(
        "'speechSynthesis' in window && !!window.speechSynthesis"
        " && speechSynthesis.getVoices().some(v => v.lang.toLowerCase().startsWith('nl'))"
    )
    assert page.locator("[data-read-aloud]").is_visible() == dutch
    # Without JavaScript there is no control at all.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/informatie/thuiszitten/")
    expect(page.locator("[data-read-aloud]")).to_be_hidden()
    context.close()


OVERFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const clipped = [...document.querySelectorAll("input, select, textarea, button, .button, summary")]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
    .filter((el) => {
      const box = el.getBoundingClientRect();
      // Placed off the screen on purpose (the form's trap for robots, the skip link) is not cut off.
      if (box.right <= 0) { return false; }
      return box.left < -1 || box.right > width + 1 || el.scrollWidth > el.clientWidth + 1;
    })
    .map((el) => el.outerHTML.slice(0, 120));
  // The innermost elements that reach past the right edge, to name in a failure.
  const wide = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getBoundingClientRect().left >= 0)
    .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > width + 1))
    .slice(0, 5)
    .map((el) => el.outerHTML.slice(0, 100));
  return {scroll: root.scrollWidth, width: width, clipped: clipped, wide: wide};
}"""


def test_pages_reflow_at_320_px_and_at_200_percent_text(site, browser):
    """WCAG 1.4.10 (320 CSS px wide) and 1.4.4 (text at 200 %): nothing to scroll sideways and no
    control whose text is cut off, on the home page, an article, the question form and the search."""
    pages = [
        "/",
        "/informatie/thuiszitten/",
        "/informatie/praten-met-school/",
        "/vraag/",
        "/zoeken/?q=thuiszitten",
    ]
    problems = []
    for width, text in ((320, 1), (1280, 2), (390, 2)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in pages:
            page.goto(f"{site}{path}")
            if text != 1:
                # The reader's text size at 200 %: the root font size doubled (what text-only zoom does).
                page.evaluate(
                    "f => { const r = document.documentElement;"
                    " r.style.fontSize = parseFloat(getComputedStyle(r).fontSize) * f + 'px'; }",
                    text,
                )
            for menu_open in (False, True):
                if menu_open:
                    if not page.locator("summary.menu-button").is_visible():
                        continue
                    page.locator("summary.menu-button").click()
                result = page.evaluate(OVERFLOW)
                if result["scroll"] > result["width"] or result["clipped"]:
                    problems.append((width, text, path, menu_open, result))
        context.close()
    assert problems == [], "\n".join(map(str, problems))


def test_printing_leaves_out_menus_and_forms_and_shows_where_links_go(site, browser):
    page = browser.new_page()
    page.goto(f"{site}/informatie/thuiszitten/")
    page.emulate_media(media="print")
    for hidden in (".site-menu", ".read-aloud", ".feedback", ".breadcrumb", ".audiences"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none", hidden
    link = page.locator(".need-help a[href]").first
    after = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert link.get_attribute("href") in after
    assert page.locator("h1").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_a_video_from_another_platform_loads_only_after_the_reader_agrees(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(WATCH_POLICY)
    page = context.new_page()
    others = _other_hosts(page, site)
    page.goto(f"{site}/informatie/praten-met-school/")
    page.wait_for_load_state("networkidle")
    assert others == []
    assert page.locator("iframe").count() == 0
    expect(page.locator("figure.media-image img")).to_have_js_property("complete", True)
    assert page.locator("figure.media-image img").evaluate("img => img.naturalWidth") == 800
    assert violations(page) == []

    page.get_by_role("button", name="Video van YouTube afspelen").click()
    frame = page.locator("iframe.video-frame")
    expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    expect(frame).to_have_attribute("title", "Filmpje over thuiszitten")
    page.wait_for_timeout(300)
    # Only now, and only to the player's host; the policy lets that frame through.
    assert others and all(url.startswith("https://www.youtube-nocookie.com/") for url in others)
    assert page.evaluate("window.__violations") == []
    context.close()

    # Without JavaScript: no button, the plain link to the video.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/informatie/praten-met-school/")
    expect(page.get_by_role("button", name="Video van YouTube afspelen")).to_be_hidden()
    expect(page.get_by_role("link", name="Bekijk de video op YouTube")).to_have_attribute(
        "href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    context.close()
