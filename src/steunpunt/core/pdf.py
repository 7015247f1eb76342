"""The one way the platform makes a PDF: WeasyPrint from HTML that carries everything it shows.

Every PDF (requester export, board and annual reports, posters and flyers) is rendered from a template
whose styles are inline and whose images are ``data:`` URLs, so WeasyPrint never fetches anything: no
address taken from a request's Host header, no request to another host, nothing read from disk by a URL
in the HTML. Any other URL in the HTML is refused (and left out of the PDF).
"""


def html_to_pdf(html):
    """The PDF bytes of ``html``; only ``data:`` URLs are read."""
    from weasyprint import HTML  # Pango is needed only when a PDF is asked for
    from weasyprint.urls import URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
