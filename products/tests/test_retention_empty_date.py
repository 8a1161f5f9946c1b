"""An empty `?ended=` on a retention page asks for a date; it is not reported as an error."""

import re

import pytest

from .factories import text

pytestmark = pytest.mark.django_db

URL = "/products/juniper-mis/retention/"
PROMPT = "Enter the date your subscription or contract ended, for example 2027-02-22."


def page(client, query):
    response = client.get(URL + query)
    body = text(response)
    title = re.search(r"<title>(.*?)</title>", body).group(1).strip()
    return response, body, title


@pytest.mark.parametrize(
    "query", ["?ended=", "?ended=%20", "?ended=%20%20", "?ended=2027-02-22&ended="]
)
def test_an_empty_date_gets_a_prompt_not_an_error(client, demo, query):
    response, body, title = page(client, query)
    assert response.status_code == 200
    assert not title.startswith("Error:"), title
    assert title == page(client, "")[2]  # the same title as the page without a query
    assert "Error:" not in body
    prompt = re.search(r'<p class="([^"]*)" id="ended-prompt">(.*?)</p>', body)
    assert prompt, "the prompt under the date field"
    assert prompt.group(2).strip() == PROMPT
    assert "error-message" not in prompt.group(1)
    field = re.search(r'<input type="date" id="ended"[^>]*>', body).group(0)
    assert 'aria-describedby="ended-hint ended-prompt"' in field
    assert 'class="timeline"' not in body


def test_no_query_shows_no_prompt(client, demo):
    response, body, title = page(client, "")
    assert response.status_code == 200
    assert PROMPT not in body and "ended-prompt" not in body


def test_an_unusable_date_is_still_an_error(client, demo):
    response, body, title = page(client, "?ended=2027-02-30")
    assert response.status_code == 400
    assert title.startswith("Error: ")
    assert '<span class="visually-hidden">Error:</span>' in body
    assert "ended-prompt" not in body
