"""Schools' objections to announced changes (UK GDPR Art. 28(2)): the public form on each notice
page, its POST and thanks pages, and the background task that emails the school and the DPO.

Caching and CSRF. The notice page is public and cached by the proxy/CDN (`s-maxage`), so it
must not carry anything per visitor: a CSRF token in a shared cached page is wrong for every
visitor but the first (and Django would also set a cookie on a cacheable response). The form
therefore carries no CSRF token and its POST view is `csrf_exempt`. CSRF protects what a
visitor's cookies or session let them do; an objection uses neither (no login, no session, it
changes nothing that belongs to the visitor), so a forged cross-site POST can do no more than a
bot posting directly. That threat is handled by the honeypot field and a per-client rate limit.
Everything the POST returns (errors, refusal, rate limit) and the thanks page are private.
"""

import datetime
import re
import smtplib

from django import forms
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from django_ratelimit.decorators import ratelimit
from django_tasks import task

from products.models import ProductPage
from trusthub.core.locales import overlay
from trusthub.core.models import OrganisationSettings

from .models import ChangeNotice, Objection
from .notices import live_notices, with_relations
from .register import public_products

# Per client IP address (REMOTE_ADDR), counted in the default cache. A whole school or trust
# can share one address, so this is generous for people and still stops a flood.
OBJECTION_RATE = "20/h"
RETRY_AFTER_SECONDS = 3600
REASON_MAX = 5000
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def window_open(notice, day=None):
    """Schools may object until the end of the deadline day (inclusive, UK time)."""
    return notice.objection_deadline >= (day or timezone.localdate())


def product_choices(notice):
    """The products a school can object for: the notice's own live products, or every live
    product for an "all products" notice."""
    products = public_products()
    if notice.all_products:
        return products
    # By the relation, not `notice.products`: on a Welsh page those are the products' Welsh pages.
    return products.filter(change_notices=notice)


def _reason_too_long():
    return _("Keep your reason to %(max)s characters or fewer.") % {
        "max": number_format(REASON_MAX, force_grouping=True)
    }


ONLY_THESE_PRODUCTS = gettext_lazy("Choose only from the products this change affects.")


class ObjectionForm(forms.Form):
    school_name = forms.CharField(
        label=gettext_lazy("School name"),
        max_length=200,
        error_messages={
            "required": gettext_lazy("Enter your school's name."),
            "max_length": gettext_lazy("Enter a school name of at most 200 characters."),
        },
    )
    contact_email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Enter an email address so we can reply to you."),
            "invalid": gettext_lazy(
                "Enter an email address in the right format, like name@school.example."
            ),
            "max_length": gettext_lazy("Enter an email address of at most 254 characters."),
        },
    )
    products = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Which of these products does your school use?"),
        queryset=ProductPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Choose at least one product your school uses."),
            "invalid_choice": ONLY_THESE_PRODUCTS,
            "invalid_pk_value": ONLY_THESE_PRODUCTS,
            "invalid_list": ONLY_THESE_PRODUCTS,
        },
    )
    reason = forms.CharField(
        label=gettext_lazy("Why does your school object?"),
        max_length=REASON_MAX,
        widget=forms.Textarea,
        error_messages={
            "required": gettext_lazy("Tell us why your school objects."),
            "max_length": lazy(_reason_too_long, str)(),
        },
    )
    # Honeypot: hidden from people (and assistive technology); bots fill in every field.
    website = forms.CharField(required=False)

    def __init__(self, notice, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notice = notice
        self.fields["products"].queryset = product_choices(notice)

    def clean_school_name(self):
        name = self.cleaned_data["school_name"]
        if CONTROL_CHARACTERS.search(name):
            raise forms.ValidationError(_("Enter the school name on one line."))
        return name

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            raise forms.ValidationError(
                _(
                    "We could not accept this form. Please check it and send it again, or "
                    "email your objection to our Data Protection Officer."
                ),
                code="honeypot",
            )
        return cleaned

    @property
    def caught_by_honeypot(self):
        return any(e.code == "honeypot" for e in self.errors.as_data().get("__all__", []))

    def save(self):
        with transaction.atomic():
            objection = Objection.objects.create(
                notice=self.notice,
                school_name=self.cleaned_data["school_name"],
                contact_email=self.cleaned_data["contact_email"],
                reason=self.cleaned_data["reason"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
            objection.products.set(self.cleaned_data["products"])
        return objection


def notice_page_context(notice, form=None, refused=None):
    """Context for the notice page: the objection form while the window is open. `refused`:
    "closed" or "rate_limited" when a POST was refused."""
    today = timezone.localdate()
    is_open = window_open(notice, today)
    if is_open and form is None:
        form = ObjectionForm(notice, initial=_initial(notice))
    return {
        "notice": notice,
        "today": today,
        "feed_query": "",
        "objection_open": is_open,
        "objection_form": form if is_open else None,
        "objection_refused": refused,
    }


def _initial(notice):
    choices = list(product_choices(notice))
    return {"products": choices} if len(choices) == 1 else {}


def cache_until_window_closes(response, notice, now=None):
    """While the form shows, a cached copy must not outlive the objection window: cap the
    public cache lifetime at the end of the deadline day (UK time)."""
    now = now or timezone.localtime()
    end = timezone.make_aware(
        datetime.datetime.combine(
            notice.objection_deadline + datetime.timedelta(days=1), datetime.time()
        )
    )
    left = max(0, int((end - now).total_seconds()))
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.CACHE_CONTROL_MAX_AGE, left),
        s_maxage=min(settings.CACHE_CONTROL_S_MAXAGE, left),
    )
    return response


def _live_notice(pk):
    return get_object_or_404(with_relations(live_notices()), pk=pk)


@csrf_exempt  # see the module docstring: no cookie or session is involved
@require_POST
@ratelimit(key="ip", rate=OBJECTION_RATE, method="POST", block=False)
@never_cache
def object_to_notice(request, pk):
    notice = _live_notice(pk)  # drafts and unpublished notices: 404
    template = "subprocessors/notice_detail.html"
    if not window_open(notice):
        return render(request, template, notice_page_context(notice, refused="closed"), status=403)
    form = ObjectionForm(notice, data=request.POST)
    if getattr(request, "limited", False):
        form.is_valid()  # show what else needs fixing; keep what they typed
        response = render(
            request,
            template,
            notice_page_context(notice, form=form, refused="rate_limited"),
            status=429,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if not form.is_valid():
        if form.caught_by_honeypot:
            form.data = form.data.copy()
            form.data["website"] = ""
        return render(request, template, notice_page_context(notice, form=form), status=400)
    objection = form.save()
    notice_url = request.build_absolute_uri(reverse("subprocessors:notice", args=[notice.pk]))
    send_objection_emails.enqueue(objection.pk, notice_url)
    return redirect("subprocessors:objection_received", pk=notice.pk, reference=objection.reference)


@require_safe
@never_cache
def objection_received(request, pk, reference):
    notice = _live_notice(pk)
    # A NUL byte can be in no reference, and PostgreSQL refuses it in a query (a 500).
    if (
        "\x00" in reference
        or not Objection.objects.filter(notice=notice, reference=reference).exists()
    ):
        raise Http404("No such objection")
    return render(
        request,
        "subprocessors/objection_received.html",
        {"notice": notice, "reference": reference, "feed_query": ""},
    )


# --- Emails, sent by the task worker -----------------------------------------------------


@task()
def send_objection_emails(objection_id, notice_url):
    """Acknowledge the objection to the school and tell the DPO. Each email is sent once and
    its time recorded (`acknowledged_at`, `dpo_notified_at`); a retry sends only what is
    missing. If one fails, the other is still tried; the task then fails, visibly."""
    failures = []
    for send in (_acknowledge, _notify_dpo):
        try:
            send(objection_id, notice_url)
        except (smtplib.SMTPException, OSError) as error:
            failures.append(error)
    if failures:
        raise failures[0]


def _email_context(objection, notice_url):
    return {
        "objection": objection,
        "notice": objection.notice,
        "products": list(objection.products.order_by("path")),
        "notice_url": notice_url,
        "org": OrganisationSettings.load(),
        "admin_url": _admin_url(objection),
    }


def _admin_url(objection):
    try:
        path = reverse("subprocessors_objection_modeladmin_inspect", args=[objection.pk])
    except NoReverseMatch:
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _one_line(text):
    return " ".join(str(text).split())


def _send_once(objection_id, sent_field, build):
    with transaction.atomic():
        objection = (
            Objection.objects.select_for_update(of=("self",))
            .select_related("notice")
            .get(pk=objection_id)
        )
        if getattr(objection, sent_field) is not None:
            return
        build(objection).send()
        setattr(objection, sent_field, timezone.now())
        objection.save(update_fields=[sent_field])


def _message(subject, template, context, to, reply_to):
    message = EmailMultiAlternatives(
        _one_line(subject),
        render_to_string(f"subprocessors/email/{template}.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        to,
        reply_to=reply_to,
    )
    message.attach_alternative(
        render_to_string(f"subprocessors/email/{template}.html", context), "text/html"
    )
    return message


def _acknowledge(objection_id, notice_url):
    """The school's acknowledgement, in the language it objected in."""

    def build(objection):
        with translation.override(objection.language):
            return _acknowledgement(objection, notice_url)

    _send_once(objection_id, "acknowledged_at", build)


def _acknowledgement(objection, notice_url):
    overlay(ChangeNotice, [objection.notice])
    context = _email_context(objection, notice_url)
    return _message(
        _("Objection received — reference %(reference)s: %(title)s")
        % {"reference": objection.reference, "title": objection.notice.title},
        "objection_acknowledgement",
        context,
        [objection.contact_email],
        [context["org"].dpo_email],
    )


def _notify_dpo(objection_id, notice_url):
    def build(objection):
        context = _email_context(objection, notice_url)
        return _message(
            _("New objection %(reference)s from %(school)s: %(title)s")
            % {
                "reference": objection.reference,
                "school": objection.school_name,
                "title": objection.notice.title,
            },
            "objection_dpo_notification",
            context,
            [context["org"].dpo_email],
            [objection.contact_email],
        )

    _send_once(objection_id, "dpo_notified_at", build)
