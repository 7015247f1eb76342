"""The board report: a web page with charts and accessible tables, a PDF, CSV and XLSX."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from steunpunt.tenants.selectors import chosen_support_point

from .annual import build_annual_report
from .build import build_report, export_tables
from .exports import annual_pdf_of, csv_of, pdf_of, xlsx_of
from .periods import period_from, presets
from .selectors import last_year_with_data, report_support_points


def _report(request):
    support_points = report_support_points(request.user)
    if not support_points.exists():
        raise Http404
    support_point = chosen_support_point(support_points, request.GET.get("steunpunt"))
    period, code, error = period_from(request.GET)
    return build_report(support_point, period), support_points, code, error


@require_GET
def report_page(request):
    report, support_points, code, error = _report(request)
    return TemplateResponse(
        request,
        "reports/report.html",
        {
            # The heading names the steunpunt; the browser tab's title has it already ("Rapportage – …").
            "page_title": _("Report of %(name)s") % {"name": report.support_point.name},
            "header_title": _("Report"),
            "header_icon": "table",
            "report": report,
            "support_points": support_points,
            "presets": presets(),
            "code": code,
            "error": error,
            "export_titles": [title for title, _header, _rows in export_tables(report)],
            "query": request.GET.urlencode(),
        },
    )


@require_GET
def report_download(request, kind):
    report, _support_points, _code, _error = _report(request)
    name = f"rapportage-{report.support_point.slug}-{report.period.start:%Y%m%d}"
    if kind == "pdf":
        response = HttpResponse(pdf_of(report, request), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    elif kind == "xlsx":
        response = HttpResponse(
            xlsx_of(report), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    elif kind == "csv":
        try:
            index = int(request.GET.get("tabel", "0"))
        except ValueError:
            raise Http404 from None
        text = csv_of(report, index)
        if text is None:
            raise Http404
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}-{index + 1}.csv"'
    else:
        raise Http404
    return response


def _annual(request):
    support_points = report_support_points(request.user)
    if not support_points.exists():
        raise Http404
    support_point = chosen_support_point(support_points, request.GET.get("steunpunt"))
    params = request.GET
    if not params.get("periode") and not params.get("van") and not params.get("tot"):
        # An annual report opens on the last year with questions unless another period is asked for.
        year = last_year_with_data(support_point)
        if year >= timezone.localdate().year - 1:
            params = {"periode": str(year)}
        else:  # older than the period picker's years: as a range of dates
            params = {"van": f"{year}-01-01", "tot": f"{year}-12-31"}
    period, code, error = period_from(params)
    return build_annual_report(support_point, period), support_points, code, error


@require_GET
def annual_page(request):
    annual, support_points, code, error = _annual(request)
    return TemplateResponse(
        request,
        "reports/annual/page.html",
        {
            "page_title": _("Annual report of %(name)s") % {"name": annual.support_point.name},
            "header_title": _("Annual report"),
            "header_icon": "doc-full",
            "annual": annual,
            "support_points": support_points,
            "presets": presets(),
            "code": code,
            "error": error,
            "query": request.GET.urlencode(),
        },
    )


@require_GET
def annual_download(request):
    annual, _support_points, _code, _error = _annual(request)
    name = f"jaarverslag-{annual.support_point.slug}-{annual.period.start:%Y%m%d}"
    response = HttpResponse(annual_pdf_of(annual, request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
