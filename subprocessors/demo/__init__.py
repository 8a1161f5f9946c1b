"""Demo content for the register: `ensure_entries()` then `ensure_notices()`, called by
`manage.py load_demo_content` (home)."""

from .entries import ensure_entries
from .notices import ensure_notices

__all__ = ["ensure_entries", "ensure_notices"]
