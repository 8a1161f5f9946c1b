"""Two-step verification's admin URLs (registered under /admin/ by wagtail_hooks)."""

from django.urls import path

from . import views

urlpatterns = [
    path("two-step/", views.ManageView.as_view(), name="mfa_manage"),
    path("two-step/verify/", views.verify, name="mfa_verify"),
    path("two-step/set-up/", views.SetUpView.as_view(), name="mfa_setup"),
    path(
        "two-step/recovery-codes/",
        views.RecoveryCodesView.as_view(),
        name="mfa_recovery_codes",
    ),
    path("two-step/turn-off/", views.TurnOffView.as_view(), name="mfa_turn_off"),
]
