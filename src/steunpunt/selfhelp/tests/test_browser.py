"""The self-help tools in Chromium: axe-core on every tool (desktop and phone), nothing loaded from
another host, no CSP violation, deadlines counted in the browser on edge cases, and the letter and the
conversation notes never sent to the server."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from steunpunt.core.tests.browser import violations
from steunpunt.selfhelp.models import DeadlineRule, Status
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def base(transactional_db, platform, live_server):
    load_starter_selfhelp()
    SupportPointFactory(name="Steunpunt Noord", hostname="noord.localhost", partnership_codes=["PO2001"])
    return f"http://noord.localhost:{live_server.url.rsplit(':', 1)[1]}"


class Watch:
    """Every request a page makes and every console error (a CSP violation is one)."""

    def __init__(self, page):
        self.requests, self.errors = [], []
        page.on("request", lambda request: self.requests.append(request))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def sent_after(self, count):
        """The requests after the first ``count``, but for the browser's own fetch of the tab icon and
        the downloads (blob: addresses never leave the browser)."""
        return [
            f"{request.method} {request.url}"
            for request in self.requests[count:]
            if not request.url.startswith("blob:") and not request.url.endswith("/static/favicon.svg")
        ]

    def hosts(self):
        return {
            urlsplit(request.url).netloc for request in self.requests if not request.url.startswith("blob:")
        }


def _open(browser, viewport=None, javascript=True):
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 800},
        java_script_enabled=javascript,
        accept_downloads=True,
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    return context, page, Watch(page)


def test_every_tool_passes_axe_on_desktop_and_phone_loads_nothing_elsewhere_and_keeps_the_csp(base, browser):
    urls = [
        "/zelf-doen/",
        "/zelf-doen/wegwijzer/",
        "/zelf-doen/wegwijzer/?niveau=vo",
        "/zelf-doen/wegwijzer/?niveau=vo&school=openbaar",
        "/zelf-doen/wegwijzer/?niveau=vo&school=openbaar&onderwerp=schorsing",
        "/zelf-doen/termijnen/",
        "/zelf-doen/brief/",
        "/zelf-doen/brief/bezwaarschrift/",
        "/zelf-doen/gesprek/",
    ]
    own = urlsplit(base).netloc
    for viewport in (None, PHONE):
        context, page, watch = _open(browser, viewport)
        for url in urls:
            page.goto(base + url)
            assert violations(page) == [], (url, viewport)
            # Nothing is wider than the phone's screen.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), url
        # With the tools in use: deadlines shown, a letter filled in, notes written.
        page.goto(base + "/zelf-doen/termijnen/")
        page.get_by_label("Reken vanaf").select_option("aanmelding")
        page.get_by_label("Datum", exact=True).fill("2028-02-29")
        page.get_by_role("button", name="Toon de termijnen").click()
        expect(page.locator("#termijn-uitkomst time").first).to_have_attribute("datetime", "2028-04-11")
        assert violations(page) == []
        page.goto(base + "/zelf-doen/brief/aanmelding/")
        page.get_by_label("Uw naam").fill("A. de Vries")
        assert violations(page) == []
        page.goto(base + "/zelf-doen/gesprek/")
        page.get_by_label("Mijn vragen").fill("Wie is er bij het gesprek?")
        assert violations(page) == []
        assert watch.hosts() == {own}
        assert watch.errors == []
        context.close()


def test_the_signpost_works_without_javascript(base, browser):
    context, page, watch = _open(browser, PHONE, javascript=False)
    page.goto(base + "/zelf-doen/")
    page.get_by_role("link", name="Wegwijzer: ik ben het niet eens met school").click()
    page.get_by_role("link", name="Basisonderwijs (po)").click()
    page.get_by_role("link", name="Bijzondere school").click()
    page.get_by_role("link", name="De toelaatbaarheidsverklaring (TLV)").click()
    steps = page.locator("ol.route > li h3")
    expect(steps.first).to_have_text("Praat met de school")
    titles = steps.all_inner_texts()
    assert "Maak bezwaar bij het samenwerkingsverband" in titles
    step = page.locator("ol.route > li").filter(has_text="Maak bezwaar bij het samenwerkingsverband")
    expect(step).to_contain_text("Termijn: Binnen 6 weken nadat u het besluit hoorde.")
    expect(step).to_contain_text("Bron: WPO art. 18a lid 12")
    expect(step).to_contain_text("Concept – nog niet gevalideerd")
    # (axe-core needs JavaScript: the same pages are checked with it in the first test.)
    # A choice is changed with a link too.
    page.locator(".choices-made li").filter(has_text="(TLV)").get_by_role("link").click()
    expect(page.locator("h2#vraag")).to_have_text("Waar gaat het over?")
    assert watch.hosts() == {urlsplit(base).netloc}
    context.close()


def _deadlines(page, event, date):
    page.get_by_label("Reken vanaf").select_option(event)
    page.get_by_label("Datum", exact=True).fill(date)
    page.get_by_role("button", name="Toon de termijnen").click()
    results = page.locator("#termijn-uitkomst li")
    results.first.wait_for()
    return {
        results.nth(index).locator("h3").inner_text(): results.nth(index)
        .locator("time")
        .get_attribute("datetime")
        for index in range(results.count())
    }


def test_the_deadlines_are_counted_in_the_browser_on_edge_cases_each_with_its_source(base, browser, tmp_path):
    # An editor's rule in months, to count month ends.
    DeadlineRule.objects.create(
        event="besluit",
        order=90,
        title="Een maand na het besluit",
        explanation="Voorbeeld.",
        amount=1,
        unit="months",
        source="Testbron",
        source_checked=True,
        status=Status.VALIDATED,
    )
    context, page, watch = _open(browser)
    page.goto(base + "/zelf-doen/termijnen/")
    page.wait_for_load_state("load")
    loaded = len(watch.requests)

    # Admission: 6 weeks, at most 4 more; from 29 February of a leap year.
    assert _deadlines(page, "aanmelding", "2028-02-29") == {
        "Besluit over de toelating": "2028-04-11",
        "Besluit als de school verlengt": "2028-05-09",
    }
    # Month ends: 31 January + 1 month is the last day of February, 28 or (leap year) 29.
    assert _deadlines(page, "besluit", "2027-01-31")["Een maand na het besluit"] == "2027-02-28"
    assert _deadlines(page, "besluit", "2028-01-31")["Een maand na het besluit"] == "2028-02-29"
    assert _deadlines(page, "besluit", "2027-03-31")["Een maand na het besluit"] == "2027-04-30"
    # At home: 4 weeks; 3 months from 30 November is 29 February 2028 (no 30 February).
    assert _deadlines(page, "thuis", "2027-11-30") == {
        "Onderwijsconsulenten en leerplicht": "2027-12-28",
        "Drie maanden thuis": "2028-02-29",
    }
    # Suspension: at most 5 school days, the first day counted, weekends skipped.
    assert _deadlines(page, "schorsing", "2027-02-05") == {
        "Laatste dag van de schorsing": "2027-02-11"
    }  # a Friday
    assert _deadlines(page, "schorsing", "2027-02-06") == {
        "Laatste dag van de schorsing": "2027-02-12"
    }  # a Saturday
    # A deadline on a Saturday says so; an objection 6 weeks after a decision of Saturday 2 January 2027.
    assert _deadlines(page, "besluit", "2027-01-02")["Bezwaar bij het schoolbestuur"] == "2027-02-13"
    objection = page.locator("#termijn-uitkomst li").filter(has_text="Bezwaar bij het schoolbestuur")
    expect(objection.locator(".weekend")).to_contain_text("Deze dag valt in het weekend")
    expect(objection.locator("time")).to_have_text("zaterdag 13 februari 2027")

    # Each rule shows its source, "nog niet gecontroleerd" where nobody checked it, and the draft mark.
    for rule in DeadlineRule.objects.filter(event="besluit"):
        result = page.locator("#termijn-uitkomst li").filter(has=page.locator("h3", has_text=rule.title))
        expect(result.locator(".source")).to_contain_text(f"Bron: {rule.source}")
        expect(result.locator(".unchecked")).to_have_count(0 if rule.source_checked else 1)
        expect(result.locator(".concept")).to_have_count(1 if rule.is_draft else 0)

    # An incomplete date gets a message, no dates.
    page.get_by_label("Datum", exact=True).fill("")
    page.get_by_role("button", name="Toon de termijnen").click()
    expect(page.locator("#termijn-fout")).to_have_text("Vul een hele datum in, bijvoorbeeld 15-03-2027.")
    expect(page.locator("#termijn-uitkomst li")).to_have_count(0)

    # The calendar file is made in the browser.
    _deadlines(page, "aanmelding", "2028-02-29")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download voor mijn agenda (.ics)").click()
    assert download.value.suggested_filename == "termijnen.ics"
    saved = tmp_path / "termijnen.ics"
    download.value.save_as(saved)
    ics = saved.read_bytes().decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20280411\r\n" in ics and "DTSTART;VALUE=DATE:20280509\r\n" in ics
    assert "SUMMARY:Besluit over de toelating\r\n" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))

    # Not one request for any of it: the dates never reached the server.
    assert watch.sent_after(loaded) == []
    assert watch.errors == []
    context.close()


def test_without_javascript_the_deadlines_are_a_table_in_words(base, browser):
    context, page, _watch = _open(browser, javascript=False)
    page.goto(base + "/zelf-doen/termijnen/")
    expect(page.locator("[data-deadline-tool]")).to_be_hidden()
    row = page.locator("table.rules tr").filter(has_text="Laatste dag van de schorsing")
    expect(row).to_contain_text("5 schooldagen (maandag tot en met vrijdag) na deze datum")
    expect(row).to_contain_text("(nog niet gecontroleerd)")
    context.close()


def test_the_letter_is_filled_in_downloaded_and_printed_without_one_request(base, browser, tmp_path):
    context, page, watch = _open(browser)
    page.goto(base + "/zelf-doen/brief/bezwaarschrift/")
    page.wait_for_load_state("load")
    loaded = len(watch.requests)
    page.get_by_label("Uw naam").fill("Fatima el Amrani")
    page.get_by_label("Naam van uw kind").fill("Yusuf")
    page.get_by_label("Waarom u het niet eens bent").fill(
        "De school heeft niet gekeken naar wat Yusuf nodig heeft."
    )
    page.get_by_label("Naam van uw kind").press("Enter")  # there is no form: Enter sends nothing
    letter = page.locator("#brief-tekst")
    expect(letter).to_contain_text("Fatima el Amrani")
    expect(letter).to_contain_text("over mijn kind Yusuf, geboren op [geboortedatum van uw kind]")

    with page.expect_download() as text_download:
        page.get_by_role("button", name="Download als tekst (.txt)").click()
    assert text_download.value.suggested_filename == "bezwaarschrift.txt"
    text_download.value.save_as(tmp_path / "brief.txt")
    text = (tmp_path / "brief.txt").read_bytes().decode()
    assert text.startswith("Fatima el Amrani\r\n") and "De school heeft niet gekeken" in text

    with page.expect_download() as word_download:
        page.get_by_role("button", name="Download voor Word (.doc)").click()
    assert word_download.value.suggested_filename == "bezwaarschrift.doc"
    word_download.value.save_as(tmp_path / "brief.doc")
    assert "<p>Fatima el Amrani<br>" in (tmp_path / "brief.doc").read_text(encoding="utf-8")

    # Printing prints the letter alone.
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.printed === true")
    page.emulate_media(media="print")
    expect(page.locator("#brief-tekst")).to_be_visible()
    for hidden in (".site-header", "h1", ".letter-tool", ".site-footer"):
        expect(page.locator(hidden).first).to_be_hidden()

    assert watch.sent_after(loaded) == []
    assert watch.errors == []
    context.close()


def test_the_conversation_notes_stay_in_this_browser_until_cleared(base, browser):
    context, page, watch = _open(browser, PHONE)
    page.goto(base + "/zelf-doen/gesprek/")
    page.wait_for_load_state("load")
    loaded = len(watch.requests)
    page.get_by_label("Wat wil ik bereiken?").fill("Een plek op een school dichtbij.")
    page.get_by_label("Ik weet wie er bij het gesprek zijn.").check()
    assert watch.sent_after(loaded) == []  # typing sends nothing
    stored = page.evaluate("localStorage.getItem('steunpunt-gesprekshulp')")
    assert "Een plek op een school dichtbij." in stored

    page.reload()
    expect(page.get_by_label("Wat wil ik bereiken?")).to_have_value("Een plek op een school dichtbij.")
    expect(page.get_by_label("Ik weet wie er bij het gesprek zijn.")).to_be_checked()
    expect(page.locator("[data-notes-stored]")).to_be_visible()

    page.get_by_role("button", name="Wis mijn notities").click()
    expect(page.get_by_role("status")).to_have_text("Uw notities zijn gewist.")
    expect(page.get_by_label("Wat wil ik bereiken?")).to_have_value("")
    assert page.evaluate("localStorage.getItem('steunpunt-gesprekshulp')") is None
    page.reload()
    expect(page.get_by_label("Wat wil ik bereiken?")).to_have_value("")
    expect(page.get_by_label("Ik weet wie er bij het gesprek zijn.")).not_to_be_checked()

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Wis mijn notities")).to_be_hidden()
    expect(page.locator(".checklist").first).to_be_visible()
    assert watch.errors == []
    context.close()
