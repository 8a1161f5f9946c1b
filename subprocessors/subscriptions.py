"""Email alerts for schools: subscribe (double opt-in), confirm, manage, unsubscribe.

Server-rendered pages that work without JavaScript. Sending is never done here: the pages
queue tasks (`deliveries`), which the worker sends.

Every page reached through a subscriber's secret link (confirm, manage, unsubscribe) is private:
never cached, never sent as a Referer. A link that is forged, mangled, used up or expired gets a
page saying so (404 or 400), never a 500.
"""

import datetime

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.decorators import ratelimit

from products.models import ProductPage

from .alert_links import consent_wording, token_from_confirmation_key
from .deliveries import send_already_subscribed, send_confirmation
from .models import Subscriber
from .register import public_products

SUBSCRIBE_PATH = reverse_lazy("subprocessors:alerts_subscribe")
# Per client address; ALERT_SUBSCRIBE_RATE in settings overrides it.
SUBSCRIBE_RATE = "10/h"
# Someone subscribing an address again soon gets no second email (no mail-bombing by form).
RESEND_AFTER = datetime.timedelta(minutes=5)
ALREADY_SUBSCRIBED_EVERY = 3600  # seconds: at most one "already subscribed" email an hour


def subscribe_rate(group, request):
    return getattr(settings, "ALERT_SUBSCRIBE_RATE", SUBSCRIBE_RATE)


# --- Forms -------------------------------------------------------------------------------------


class ProductChoiceForm(forms.Form):
    all_products = forms.BooleanField(required=False)
    products = forms.ModelMultipleChoiceField(
        queryset=ProductPage.objects.none(),
        to_field_name="slug",
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "There is no product called “%(value)s”. Choose from the list."
            ),
            "invalid_list": gettext_lazy("Choose products from the list."),
        },
    )
    school_name = forms.CharField(
        max_length=200,
        required=False,
        error_messages={
            "max_length": gettext_lazy("Enter a school name of at most 200 characters.")
        },
    )
    role = forms.CharField(
        max_length=100,
        required=False,
        error_messages={"max_length": gettext_lazy("Enter a role of at most 100 characters.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["products"].queryset = public_products()

    def clean(self):
        data = super().clean()
        if (
            not data.get("all_products")
            and not data.get("products")
            and not self.has_error("products")
        ):
            self.add_error("products", _("Choose at least one product, or all products."))
        return data

    def selected_slugs(self):
        if self.is_bound:
            return self.data.getlist("products") if hasattr(self.data, "getlist") else []
        return [p.slug for p in self.initial.get("products", [])]


class SubscribeForm(ProductChoiceForm):
    email = forms.EmailField(
        max_length=254,
        error_messages={
            "required": gettext_lazy("Enter your email address."),
            "invalid": gettext_lazy("Enter an email address like name@school.sch.uk."),
            "max_length": gettext_lazy("Enter an email address of at most 254 characters."),
        },
    )
    # Where the form was (the consent record's "subscribed from"): a path on this site.
    source = forms.CharField(max_length=300, required=False)
    # The honeypot: hidden from people and assistive technology; bots fill it in.
    website = forms.CharField(required=False)

    field_order = ["email", "all_products", "products", "school_name", "role"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_source(self):
        source = self.cleaned_data.get("source", "")
        return source if source.startswith("/") and not source.startswith("//") else ""


class ManageForm(ProductChoiceForm):
    pass


# --- Storing a subscription ------------------------------------------------------------------


def subscribe_address(data, source):
    """Record a subscription request and queue the right email. What the person sees next is
    the same whatever happens here (no enumeration of subscribed addresses)."""
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=data["email"], defaults={"consent_given_at": now}
        )
        if subscriber.is_active:
            # Changes nothing: only the owner, through the manage link, changes a subscription.
            if cache.add(f"alerts:already:{subscriber.pk}", 1, ALREADY_SUBSCRIBED_EVERY):
                send_already_subscribed.enqueue(subscriber.pk)
            return subscriber
        recently_sent = (
            not created
            and subscriber.confirmation_sent_at is not None
            and subscriber.confirmation_sent_at > now - RESEND_AFTER
        )
        # New, waiting for confirmation, or unsubscribed: this request is the consent asked for.
        subscriber.all_products = data["all_products"]
        subscriber.school_name = data["school_name"]
        subscriber.role = data["role"]
        subscriber.consent_given_at = now
        subscriber.consent_source = source
        subscriber.consent_wording = consent_wording()  # as shown, in the page's language
        subscriber.language = translation.get_language() or settings.LANGUAGE_CODE
        subscriber.confirmed_at = None
        subscriber.save()
        subscriber.products.set([] if data["all_products"] else data["products"])
        if not recently_sent:
            send_confirmation.enqueue(subscriber.pk)
    return subscriber


# --- Views ---------------------------------------------------------------------------------------


def private(response):
    """Pages behind a subscriber's secret link: no cache anywhere, and no Referer (which would
    carry the secret) to other sites. ("no-referrer" would make browsers send `Origin: null`
    with the page's own forms, which CSRF checking refuses.)"""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["Referrer-Policy"] = "same-origin"
    return response


def link_problem(request, title, message, status, subscribe_link=True):
    response = render(
        request,
        "subprocessors/alerts/link_problem.html",
        {"title": title, "message": message, "subscribe_link": subscribe_link},
        status=status,
    )
    return private(response)


def method_not_allowed(request, allowed):
    response = link_problem(
        request,
        _("This page cannot do that"),
        _("This address accepts %(methods)s requests only. Use the form on the page.")
        % {"methods": " and ".join(allowed)},
        405,
    )
    response["Allow"] = ", ".join(allowed)
    return response


def subscribe_page(request, form=None, status=200):
    source = (form.data.get("source") or "") if form is not None and form.is_bound else ""
    context = {
        "form": form,
        "compact": False,
        "products": public_products(),
        "chosen_slugs": form.selected_slugs() if form is not None else [],
        "consent_wording": consent_wording(),
        # A form sent back with errors keeps the page it first came from.
        "source_path": source[:300] if source.startswith("/") else str(SUBSCRIBE_PATH),
    }
    return render(request, "subprocessors/alerts/subscribe.html", context, status=status)


# The subscribe form sits on public pages that a shared cache (CDN) keeps for everyone
# (trusthub.middleware.CacheControlMiddleware): a CSRF token in them would be one visitor's token
# served to all, and a cookie-less visitor's POST would fail. So the POST is csrf_exempt. CSRF
# protects a logged-in user's session; this view acts for no user and changes nothing a forged
# request could exploit: it only queues a confirmation email, and nothing is sent to an address
# until its owner confirms (double opt-in). Bots are held off by the honeypot and the per-client
# rate limit; an existing subscription is never changed from here.
@csrf_exempt
@ratelimit(key="ip", rate=subscribe_rate, method="POST", block=False)
def subscribe(request):
    if request.method in ("GET", "HEAD"):
        initial = {}
        # A NUL byte is in no slug, and PostgreSQL refuses it in a query (a 500).
        slugs = [slug for slug in request.GET.getlist("product")[:20] if "\x00" not in slug]
        if slugs:
            initial["products"] = list(public_products().filter(slug__in=slugs))
        return subscribe_page(request, SubscribeForm(initial=initial) if initial else None)
    if request.method != "POST":
        return method_not_allowed(request, ["GET", "POST"])
    if getattr(request, "limited", False):
        response = render(request, "subprocessors/alerts/rate_limited.html", status=429)
        response["Retry-After"] = "3600"
        return private(response)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return private(subscribe_page(request, form, status=400))
    if form.cleaned_data["website"]:
        # A bot filled in the honeypot: answer as if it worked, store and send nothing.
        email = form.cleaned_data["email"]
    else:
        email = subscribe_address(form.cleaned_data, form.cleaned_data["source"]).email
    return private(
        render(request, "subprocessors/alerts/check_email.html", {"email": email}, status=200)
    )


def _subscriber(token):
    # A NUL byte can be in no token, and PostgreSQL refuses it in a query (a 500, not a 404).
    if not token or len(token) > 64 or "\x00" in token:
        return None
    return Subscriber.objects.filter(token=token).first()


def _unknown_link(request):
    return link_problem(
        request,
        _("This link is not valid"),
        _(
            "We could not find a subscription for this link. It may have been copied "
            "incompletely, or the subscription was removed."
        ),
        404,
    )


def confirm(request, key):
    if request.method not in ("GET", "HEAD", "POST"):
        return method_not_allowed(request, ["GET", "POST"])
    try:
        token = token_from_confirmation_key(key)
    except signing.SignatureExpired:
        return link_problem(
            request,
            _("This confirmation link has expired"),
            _(
                "Confirmation links work for 7 days. Subscribe again and we will send you a new one."
            ),
            400,
        )
    except signing.BadSignature:
        return _unknown_link(request)
    subscriber = _subscriber(token)
    if subscriber is None:
        return _unknown_link(request)
    if subscriber.is_active:
        return private(
            render(
                request,
                "subprocessors/alerts/confirmed.html",
                {"subscriber": subscriber, "already": True},
            )
        )
    if subscriber.confirmed_at is not None:
        # Confirmed once, then unsubscribed: an old link must not subscribe it again.
        return link_problem(
            request,
            _("This confirmation link has already been used"),
            _(
                "This address was unsubscribed after it was confirmed. To get alerts again, "
                "subscribe again and confirm the new link we send you."
            ),
            400,
        )
    if request.method == "POST":
        now = timezone.now()
        Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
            confirmed_at=now, unsubscribed_at=None
        )
        subscriber.refresh_from_db()
        return private(
            render(request, "subprocessors/alerts/confirmed.html", {"subscriber": subscriber})
        )
    # A GET only shows the button: mail scanners open links, and must not consent for anyone.
    return private(render(request, "subprocessors/alerts/confirm.html", {"subscriber": subscriber}))


def manage(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return method_not_allowed(request, ["GET", "POST"])
    subscriber = _subscriber(token)
    if subscriber is None:
        return _unknown_link(request)
    context = {"subscriber": subscriber, "saved": False}
    status = 200
    if not subscriber.is_active:
        return private(render(request, "subprocessors/alerts/manage.html", context))
    if request.method == "POST":
        form = ManageForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            subscriber.all_products = data["all_products"]
            subscriber.school_name = data["school_name"]
            subscriber.role = data["role"]
            subscriber.language = translation.get_language() or settings.LANGUAGE_CODE
            subscriber.save(update_fields=["all_products", "school_name", "role", "language"])
            subscriber.products.set([] if data["all_products"] else data["products"])
            context["saved"] = True
            form = ManageForm(initial=_manage_initial(subscriber))
        else:
            status = 400
    else:
        form = ManageForm(initial=_manage_initial(subscriber))
    context["form"] = form
    return private(render(request, "subprocessors/alerts/manage.html", context, status=status))


def _manage_initial(subscriber):
    return {
        "all_products": subscriber.all_products,
        "products": list(subscriber.products.all()),
        "school_name": subscriber.school_name,
        "role": subscriber.role,
    }


# RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to this URL
# with no cookie and no CSRF token, so it is csrf_exempt; the secret token in the URL is what
# authorises it. A GET (a person, or a mail scanner prefetching the link) only shows a button.
@csrf_exempt
def unsubscribe(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return method_not_allowed(request, ["GET", "POST"])
    subscriber = _subscriber(token)
    if subscriber is None:
        return _unknown_link(request)
    if request.method == "POST":
        Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=timezone.now()
        )
        subscriber.refresh_from_db()
    return private(
        render(request, "subprocessors/alerts/unsubscribe.html", {"subscriber": subscriber})
    )
