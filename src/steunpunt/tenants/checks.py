from django.core import checks

from .policy import policy_errors


@checks.register(checks.Tags.security)
def check_permission_policy(app_configs, **kwargs):
    """Refuse to start when the rule table would let a no-case role reach case data."""
    return [
        checks.Error(message, id="tenants.E001", hint="Fix RULES in steunpunt/tenants/policy.py.")
        for message in policy_errors()
    ]
