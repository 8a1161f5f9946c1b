"""Two-step verification pages in the Wagtail admin: the code step after the password, setting up
an authenticator app, recovery codes, and turning it off (where it is not required)."""

from base64 import b32encode
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import devices, policy
from .forms import CodeForm

WRONG_CODE = gettext_lazy(
    "That code is not right. Enter the 6-digit code your authenticator app shows now, or one "
    "of your unused recovery codes."
)
WRONG_SET_UP_CODE = gettext_lazy(
    "That code is not right. Enter the 6-digit code the app shows now for Trust Hub. If it "
    "still does not work, check that your phone sets its clock automatically."
)
VERIFY_HELP = gettext_lazy(
    "The 6-digit code your authenticator app shows, or one of your recovery codes."
)


def too_many(wait):
    return ngettext(
        "Too many wrong codes. Wait %(wait)d second, then enter the code your app shows then.",
        "Too many wrong codes. Wait %(wait)d seconds, then enter the code your app shows then.",
        wait,
    ) % {"wait": wait}


def _next_url(request):
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


def _passed(request, device):
    """This session has passed two-step verification with `device`: a new session key, as on
    signing in."""
    otp_login(request, device)
    request.session.cycle_key()


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """The step after the password: a code from the app, or a recovery code (each works once)."""
    user = request.user
    next_url = _next_url(request)
    step = policy.pending_step(user)
    if step is None:
        return redirect(next_url)
    if step == policy.SET_UP:
        return redirect("mfa_setup")
    form = CodeForm(request.POST or None, help_text=VERIFY_HELP)
    status = 200
    if request.method == "POST" and form.is_valid():
        check = devices.check_code(user, form.cleaned_data["code"])
        if check.accepted:
            _passed(request, check.device)
            if check.recovery_code:
                left = devices.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code, which now no longer works. You "
                        "have %(left)d left. If you have lost your phone, set up a new "
                        "authenticator app and create new recovery codes in Two-step "
                        "verification.",
                        "You signed in with a recovery code, which now no longer works. You "
                        "have %(left)d left. If you have lost your phone, set up a new "
                        "authenticator app and create new recovery codes in Two-step "
                        "verification.",
                        left,
                    )
                    % {"left": left},
                    buttons=[messages.button(reverse("mfa_manage"), _("Two-step verification"))],
                )
            return redirect(next_url)
        if check.wait:
            form.add_error("code", too_many(check.wait))
            status = 429
        else:
            form.add_error("code", WRONG_CODE)
    return render(request, "mfa/verify.html", {"form": form, "next": next_url}, status=status)


def qr_code_svg(data):
    """`data` as a QR code: an inline SVG element on a white background (readable in the
    admin's dark theme too), labelled for screen readers."""
    image = qrcode.make(
        data, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=2
    )
    svg = image.get_image()
    svg.set("width", "220")
    svg.set("height", "220")
    svg.set("role", "img")
    svg.set("aria-label", _("QR code to add Trust Hub to your authenticator app"))
    # Safe: SVG shapes drawn here; the otpauth URL exists only as the pattern, not as text.
    return mark_safe(image.to_string(encoding="unicode"))


def grouped(text, size=4):
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def shown_codes(codes):
    """Recovery codes as shown: "k3j5-x7pq" (typed with or without the hyphen)."""
    return [f"{code[:4]}-{code[4:]}" for code in codes]


class TwoStepPage(WagtailAdminTemplateMixin, View):
    """The admin furniture (header, no breadcrumbs) for the two-step verification pages."""

    header_icon = "key"
    breadcrumbs_items = []

    @method_decorator(never_cache)
    @method_decorator(sensitive_post_parameters("code"))
    def dispatch(self, request, *args, **kwargs):
        # Someone who has set it up and whose session has not passed it goes to the code step
        # first (TwoStepMiddleware does this too).
        if policy.pending_step(request.user) == policy.VERIFY:
            return redirect(f"{reverse('mfa_verify')}?{urlencode({'next': request.path})}")
        return super().dispatch(request, *args, **kwargs)

    def recovery_codes_page(self, codes, just_set_up=False):
        self.page_title = _("Your recovery codes")
        context = self.get_context_data(codes=shown_codes(codes), just_set_up=just_set_up)
        return render(self.request, "mfa/recovery_codes.html", context)


class ManageView(TwoStepPage):
    page_title = gettext_lazy("Two-step verification")
    template_name = "mfa/manage.html"

    def get(self, request):
        user = request.user
        context = self.get_context_data(
            authenticator=devices.authenticator(user),
            codes_left=devices.recovery_codes_left(user),
            required=policy.required_for(user),
        )
        return self.render_to_response(context)


class SetUpView(TwoStepPage):
    page_title = gettext_lazy("Set up two-step verification")
    template_name = "mfa/setup.html"

    def get(self, request):
        return self.page(devices.pending_authenticator(request.user), self.form())

    def post(self, request):
        device = devices.pending_authenticator(request.user)
        form = self.form(request.POST)
        if form.is_valid():
            check, codes = devices.confirm_authenticator(
                request.user, device, form.cleaned_data["code"]
            )
            if check.accepted:
                _passed(request, check.device)
                return self.recovery_codes_page(codes, just_set_up=True)
            form.add_error("code", too_many(check.wait) if check.wait else WRONG_SET_UP_CODE)
            if check.wait:
                return self.page(device, form, status=429)
        return self.page(device, form)

    @staticmethod
    def form(data=None):
        return CodeForm(data, help_text=_("The 6-digit code the app shows."), numeric=True)

    def page(self, device, form, status=200):
        user = self.request.user
        context = self.get_context_data(
            form=form,
            qr_code=qr_code_svg(device.config_url),
            secret=grouped(b32encode(device.bin_key).decode()),
            replacing=devices.authenticator(user) is not None,
            required=policy.required_for(user),
        )
        return self.render_to_response(context, status=status)


class RecoveryCodesView(TwoStepPage):
    """POST: new recovery codes, shown once; the earlier ones stop working."""

    def get(self, request):
        return redirect("mfa_manage")

    def post(self, request):
        if devices.authenticator(request.user) is None:
            messages.error(request, _("Set up two-step verification first."))
            return redirect("mfa_manage")
        return self.recovery_codes_page(devices.new_recovery_codes(request.user))


class TurnOffView(TwoStepPage):
    page_title = gettext_lazy("Turn off two-step verification")
    template_name = "mfa/turn_off.html"

    def get(self, request):
        if self.refused(request):
            return redirect("mfa_manage")
        return self.render_to_response(self.get_context_data())

    def post(self, request):
        if self.refused(request):
            return redirect("mfa_manage")
        devices.remove_all(request.user)
        messages.success(request, _("Two-step verification is off for your account."))
        return redirect("mfa_manage")

    @staticmethod
    def refused(request):
        if policy.required_for(request.user):
            messages.error(
                request,
                _(
                    "Two-step verification is required for your account, so it cannot be "
                    "turned off. You can set up a new authenticator app instead."
                ),
            )
            return True
        if devices.authenticator(request.user) is None:
            messages.error(request, _("Two-step verification is not on for your account."))
            return True
        return False
