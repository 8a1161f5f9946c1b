"""The test SMTP server is a real server: what Django sends over SMTP arrives there."""

from django.core.mail import EmailMultiAlternatives


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
