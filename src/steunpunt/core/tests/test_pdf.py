"""Every PDF is made by core.pdf.html_to_pdf, which fetches nothing: a URL in the HTML (say one built
from a forged Host header) never becomes a request, while a data: image is drawn."""

import base64
import http.server
import io
import threading

from pypdf import PdfReader

from steunpunt.core.pdf import html_to_pdf

# A 1×1 red PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


class _Recorder(http.server.BaseHTTPRequestHandler):
    asked = []

    def do_GET(self):  # the standard library's name
        self.asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args):
        pass


def _images(pdf):
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_pdf_draws_data_images_and_requests_nothing():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_port}"
        html = (
            f'<link rel="stylesheet" href="{address}/stijl.css">'
            f'<p>Jaarverslag</p><img src="{address}/logo.png" alt="logo">'
            f'<img src="data:image/png;base64,{base64.b64encode(PNG).decode()}" alt="rood">'
        )
        pdf = html_to_pdf(html)
    finally:
        server.shutdown()
    assert _Recorder.asked == []
    assert pdf.startswith(b"%PDF")
    assert "Jaarverslag" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert _images(pdf) == 1
