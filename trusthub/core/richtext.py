"""Rich-text features editors get, the same on every page type."""

# Paragraphs, emphasis, links (pages, URLs, documents), lists and sub-headings: enough for a
# privacy summary, nothing that breaks the house style.
PLAIN_RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]
