"""What the Welsh of several demo pages shares."""

FIRST_PUBLISHED = {"First published.": "Cyhoeddwyd am y tro cyntaf."}


def identity(*texts):
    """Segments that stay the same in Welsh (names, slugs, keys)."""
    return {text: text for text in texts}
