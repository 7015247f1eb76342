"""The report's tables as CSV (one table) and XLSX (every table), and the whole report as PDF."""

import csv
import io
import re

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook

from steunpunt.core.pdf import html_to_pdf

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


_INTEGER = re.compile(r"^-?\d+$")
_DECIMAL = re.compile(r"^-?\d+,\d+$")
_PERCENT = re.compile(r"^\d+%$")
SHEET_NAME_MAX = 31  # Excel's limit
_NOT_IN_SHEET_NAMES = str.maketrans("", "", "[]:*?/\\")


def _cell_value(text):
    """A shown text as the value Excel should hold: a number where it is one ("12", "2,5", "35%"), else
    the text itself ("<5", "×", a label). Returns ``(value, number_format or None)``."""
    text = str(text)
    if _INTEGER.match(text):
        return int(text), None
    if _DECIMAL.match(text):
        return float(text.replace(",", ".")), "0.0"
    if _PERCENT.match(text):
        return int(text[:-1]) / 100, "0%"
    return text, None


def sheet_name(title, used):
    """A sheet name for ``title``: at most 31 characters, cut at a word boundary (never mid-word),
    without the characters Excel forbids, unique among ``used`` (which it joins)."""
    words = str(title).translate(_NOT_IN_SHEET_NAMES).split()
    name = ""
    for word in words:
        candidate = f"{name} {word}".strip()
        if len(candidate) > SHEET_NAME_MAX:
            break
        name = candidate
    name = name.strip("'") or (words[0][:SHEET_NAME_MAX].strip("'") if words else "") or "Tabel"
    if name in used:
        number = 2
        while True:
            suffix = f" ({number})"
            base = name
            while len(base) + len(suffix) > SHEET_NAME_MAX and " " in base:
                base = base.rsplit(" ", 1)[0]
            candidate = (base[: SHEET_NAME_MAX - len(suffix)] + suffix).strip()
            if candidate not in used:
                name = candidate
                break
            number += 1
    used.add(name)
    return name


def xlsx_of(report):
    """Every table on a sheet of its own, numbers stored as numbers; a first sheet "Inhoud" lists each
    sheet with the table's full title (sheet names are at most 31 characters)."""
    from openpyxl.styles import Font

    workbook = Workbook()
    contents = workbook.active
    contents.title = str(_("Contents"))
    used = {contents.title}
    bold = Font(bold=True)
    contents.append([str(_("Report of %(name)s") % {"name": report.support_point.name})])
    contents.append([str(_("Period")), report.period.label])
    contents.append([])
    contents.append([str(_("Sheet")), str(_("Table"))])
    contents["A1"].font = bold
    for cell in contents[4]:
        cell.font = bold
    for title, header, rows in export_tables(report):
        name = sheet_name(title, used)
        contents.append([name, str(title)])
        sheet = workbook.create_sheet(name)
        sheet.append([str(title)])
        sheet["A1"].font = bold
        sheet.append([str(cell) for cell in header])
        for cell in sheet[2]:
            cell.font = bold
        # Only the figure columns (a period's counts, a share) hold numbers; labels and free text
        # ("2024", a board's answer) stay text whatever they look like.
        figures = {str(report.period.label), str(report.previous.label), str(_("Share"))}
        figure_columns = {index for index, cell in enumerate(header) if index and str(cell) in figures}
        for row in rows:
            values = [
                _cell_value(cell) if index in figure_columns else (str(cell), None)
                for index, cell in enumerate(row)
            ]
            sheet.append([value for value, _format in values])
            for cell, (_value, number_format) in zip(sheet[sheet.max_row], values, strict=True):
                if number_format:
                    cell.number_format = number_format
        sheet.column_dimensions["A"].width = 48
    contents.column_dimensions["A"].width = 34
    contents.column_dimensions["B"].width = 70
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pdf_of(report, request):
    html = render_to_string("reports/report_print.html", {"report": report, "print": True}, request=request)
    return html_to_pdf(html)


def annual_pdf_of(annual, request):
    html = render_to_string("reports/annual/print.html", {"annual": annual, "print": True}, request=request)
    return html_to_pdf(html)
