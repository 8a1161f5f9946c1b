"""/health/: what a load balancer or the caching proxy asks each app server."""

from unittest import mock

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_healthy_server_answers_ok_and_is_never_cached(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_unreachable_database_answers_503_naming_it(client):
    with mock.patch("home.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failing": ["database"]}
    assert "no-store" in response["Cache-Control"]


def test_broken_cache_answers_503_naming_it(client):
    with mock.patch("home.views.cache.set", side_effect=ConnectionError("cache down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]


def test_only_get_and_head(client):
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405
