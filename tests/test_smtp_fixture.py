"""The test SMTP server is a real server: what Django sends over SMTP arrives there."""

from django.core.mail import EmailMultiAlternatives

from conftest import _delivery_order


def test_mail_sent_over_smtp_arrives_at_the_test_server(smtp_server):
    message = EmailMultiAlternatives(
        "Hello", "Plain text body", "trust-hub@example.org", ["dpo@school.example"]
    )
    message.attach_alternative("<p>HTML body</p>", "text/html")
    assert message.send() == 1
    [received] = smtp_server.messages()
    assert received["Subject"] == "Hello" and received["To"] == "dpo@school.example"
    assert received.get_body(("plain",)).get_content().strip() == "Plain text body"
    assert "<p>HTML body</p>" in received.get_body(("html",)).get_content()


def test_messages_come_back_in_delivery_order_within_one_second():
    """Maildir names do not zero-pad the microseconds: as text, M99999 sorts after M123456.
    (test_subscriptions failed now and then on this before.)"""
    keys = [
        "1795566923.M123456P10Q3.host",
        "1795566923.M99999P10Q2.host",
        "1795566922.M999999P10Q1.host",
    ]
    assert sorted(keys, key=_delivery_order) == [keys[2], keys[1], keys[0]]
