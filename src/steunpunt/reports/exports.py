"""The report's tables as CSV (one table) and XLSX (every table), and the whole report as PDF."""

import csv
import io

from django.template.loader import render_to_string
from openpyxl import Workbook

from .build import export_tables


def csv_of(report, index):
    """Return the CSV text of table ``index`` of the export, or ``None`` if there is no such table."""
    tables = export_tables(report)
    if not 0 <= index < len(tables):
        return None
    title, header, rows = tables[index]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([title])
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def xlsx_of(report):
    workbook = Workbook()
    workbook.remove(workbook.active)
    used = set()
    for title, header, rows in export_tables(report):
        # Sheet names: at most 31 characters, unique, without []:*?/\.
        name = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")[:31] or "Tabel"
        while name in used:
            name = f"{name[:28]}-{len(used)}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        sheet.append([str(cell) for cell in header])
        for row in rows:
            sheet.append([str(cell) for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pdf_of(report, request):
    from weasyprint import HTML  # Pango is needed only when a PDF is asked for

    html = render_to_string("reports/report_print.html", {"report": report, "print": True}, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()


def annual_pdf_of(annual, request):
    from weasyprint import HTML

    html = render_to_string("reports/annual/print.html", {"annual": annual, "print": True}, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
