from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SupportPoint
from .policy import Action
from .roles import Role
from .selectors import support_points_for
from .services import normalise_codes, support_point_create, support_point_errors


class SupportPointCreateForm(forms.ModelForm):
    """One form for a new steunpunt: its details, its website's host name, its partnerships."""

    hostname = forms.CharField(
        label=_("Host name of the website"),
        help_text=_("For example steunpunt-noord.nl. Point this name at the platform first."),
        max_length=253,
    )
    partnership_codes = forms.CharField(
        label=_("Partnership codes"),
        help_text=_("One or more codes such as PO2701 and VO2701, separated by commas."),
        max_length=200,
    )

    class Meta:
        model = SupportPoint
        fields = ["name", "email", "phone", "address", "brand_colour"]

    def __init__(self, *args, for_user=None, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        self.codes = normalise_codes(cleaned.get("partnership_codes", "").replace(";", ",").split(","))
        errors = support_point_errors(
            name=(cleaned.get("name") or "").strip(),
            slug="-",
            hostname=(cleaned.get("hostname") or "").strip().lower(),
            partnership_codes=self.codes,
            brand_colour=cleaned.get("brand_colour") or "",
            email=cleaned.get("email") or "",
        )
        errors.pop("slug", None)
        for field, message in errors.items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return cleaned

    def save(self, commit=True):
        data = self.cleaned_data
        return support_point_create(
            name=data["name"],
            hostname=data["hostname"],
            partnership_codes=self.codes,
            email=data["email"],
            phone=data["phone"],
            address=data["address"],
            brand_colour=data["brand_colour"],
            by=self.for_user,
        )


class StaffInviteForm(forms.Form):
    """Give someone a role at one of the steunpunten the acting user manages."""

    support_point = forms.ModelChoiceField(label=_("Steunpunt"), queryset=SupportPoint.objects.none())
    # A school contact person is granted for a school, on the screen "School contact persons".
    role = forms.ChoiceField(
        label=_("Role"), choices=[choice for choice in Role.choices if choice[0] != Role.SCHOOL_CONTACT]
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Someone new gets an e-mail to choose a password."),
        error_messages={"invalid": _("Enter an e-mail address such as naam@steunpunt.nl.")},
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    def __init__(self, *args, for_user=None, instance=None, **kwargs):
        self.for_user = for_user
        self.instance = instance
        super().__init__(*args, **kwargs)
        self.fields["support_point"].queryset = support_points_for(for_user, Action.MEMBERSHIP_MANAGE)
