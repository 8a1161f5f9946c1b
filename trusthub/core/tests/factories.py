"""Helpers for tests of any app that change organisation-wide settings."""

from trusthub.core.models import OrganisationSettings


def organisation(**changes):
    """The organisation settings with `changes` saved (the test's transaction undoes them)."""
    org = OrganisationSettings.load()
    for field, value in changes.items():
        setattr(org, field, value)
    org.save()
    return org
