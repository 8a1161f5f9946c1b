"""Retention rules that cannot be used (none, inconsistent or corrupt as stored) say so: the
page says the rules are being updated, timeline.json and timeline.ics give a 400, never a 500."""

import json

import pytest

from .factories import (
    offset,
    publish_raw_stages,
    publish_stages,
    raw_offset,
    raw_seasonal,
    text,
    window,
)

pytestmark = pytest.mark.django_db


def test_a_product_without_rules_says_so(client, demo):
    publish_stages("pupil-asset", [])
    url = "/products/pupil-asset/retention/"
    for query in ["", "?ended=2027-02-22", "?ended=2027-02-30"]:
        response = client.get(url + query)
        assert response.status_code == 200
        body = text(response)
        assert body.count("We have not published retention rules for Pupil Asset here") == 1
        assert 'class="timeline"' not in body and "#calculator" not in body
        assert "Work out your dates" not in body  # no calculator to point to
        assert "<title>Error: " not in body
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "no_rules"
    assert client.get(url + "timeline.ics?ended=2027-02-22").status_code == 400


def test_inconsistent_stored_rules_never_give_a_500(client, demo):
    # bypassing the admin's validation: a stage counting from a later one
    publish_stages("juniper-mis", [offset("a", 10, from_stage="b"), offset("b", 10)])
    url = "/products/juniper-mis/retention/"
    response = client.get(url + "?ended=2027-02-22")
    assert response.status_code == 200
    assert text(response).count("being updated") == 1
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "rules_unavailable"


CORRUPT_STAGES = {
    "amount in words": [raw_offset(amount="thirty")],
    "fractional amount": [raw_offset(amount=30.5)],
    "unknown unit": [raw_offset(unit="weeks")],  # once silently treated as days
    "no unit": [raw_offset(unit=None)],
    "month name for by_end_of": [
        raw_seasonal([window((1, 1), (31, 12), 8) | {"by_end_of": "August"}])
    ],
    "windows not a list": [raw_seasonal("1 September to 31 March")],
    "window not a dict": [raw_seasonal(["all year"])],
    "day in words": [raw_seasonal([window((1, 1), (31, 12), 8) | {"start_day": "first"}])],
    "stage not a dict": [{"type": "offset", "value": ["data-destroyed", 30], "id": "3"}],
    "from_stage a list": [raw_offset(from_stage=["a"])],
    "good stage after a bad one": [raw_offset(unit="weeks"), raw_offset(key="later")],
}


@pytest.mark.parametrize("raw", CORRUPT_STAGES.values(), ids=CORRUPT_STAGES.keys())
def test_corrupt_stored_rules_say_being_updated_never_a_500(client, demo, raw):
    publish_raw_stages("juniper-mis", raw)
    url = "/products/juniper-mis/retention/"
    for query in ["", "?ended=2027-02-22"]:
        response = client.get(url + query)
        assert response.status_code == 200
        body = text(response)
        assert body.count("The retention rules for this product are being updated") == 1
        assert 'class="timeline"' not in body and "#calculator" not in body
    response = client.get(url + "timeline.json?ended=2027-02-22")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "rules_unavailable"
    ics = client.get(url + "timeline.ics?ended=2027-02-22")
    assert ics.status_code == 400
    assert "being updated" in ics.content.decode()


def test_an_amount_stored_as_digits_still_counts(client, demo):
    publish_raw_stages("juniper-mis", [raw_offset(amount="30", unit="days")])
    data = json.loads(
        client.get("/products/juniper-mis/retention/timeline.json?ended=2027-02-22").content
    )
    assert [e["date"] for e in data["timeline"]] == ["2027-03-24"]
