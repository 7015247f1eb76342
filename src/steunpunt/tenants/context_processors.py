def support_point(request):
    """Expose the steunpunt whose site answers this request (``None`` on the platform site)."""
    return {"support_point": getattr(request, "support_point", None)}
