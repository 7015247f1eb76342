from django import template

from steunpunt.tenants.brand import brand_name, brand_support_point, version

register = template.Library()


@register.simple_tag(takes_context=True)
def brand(context):
    """The face of the page's steunpunt: name, support_point, version, has_logo, has_icon."""
    request = context.get("request")
    support_point = brand_support_point(request)
    return {
        "name": brand_name(request),
        "support_point": support_point,
        "version": version(support_point),
        "has_logo": bool(support_point and support_point.logo),
        "has_icon": bool(support_point and (support_point.logo or support_point.favicon)),
    }
