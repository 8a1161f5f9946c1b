"""A product's data-flow diagram, drawn from its structured records: where the data comes from
(the product page's data sources) → the product → each recipient on the register, labelled with
its countries and transfer safeguard.

Pure: no HTTP, no database. The input is the product's sources and its register records in the
shape `records.to_record` gives (and `history.register_at` returns), so the product page, the
DPIA evidence pack and a pack "as at" a past date all draw the same way. The layout is computed
(three columns; boxes stacked in a fixed order), so an editor's change to the register changes
the diagram and nobody draws it by hand.

The SVG has role="img" with a <title> and <desc> (aria-labelledby); whoever shows it also shows
`groups` and `sources` as a list, the same facts in text.
"""

import html
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

# Recipient groups, in the order drawn and listed: (key, heading, recipient types).
GROUPS = [
    ("subprocessor", gettext_lazy("Sub-processors"), ("subprocessor",)),
    ("other", gettext_lazy("Other recipients"), ("controller", "on_instruction")),
    ("in_house", gettext_lazy("Run by us: not a recipient"), ("in_house",)),
]
# How the diagram's description counts each group: "2 sub-processors".
GROUP_COUNTS = {
    "subprocessor": lambda n: ngettext("%(count)d sub-processors", "%(count)d sub-processors", n),
    "other": lambda n: ngettext("%(count)d other recipients", "%(count)d other recipients", n),
    "in_house": lambda n: ngettext(
        "%(count)d run by us: not a recipient", "%(count)d run by us: not a recipient", n
    ),
}
GROUP_OF_TYPE = {kind: key for key, _heading, kinds in GROUPS for kind in kinds}
UK = "GB"

# Geometry (SVG user units; the SVG scales to its container through its viewBox).
MARGIN = 16
TOP = 56  # below the column headings
SOURCE_X, SOURCE_W = MARGIN, 190
PRODUCT_X, PRODUCT_W = SOURCE_X + SOURCE_W + 96, 172
RECIPIENT_X, RECIPIENT_W = PRODUCT_X + PRODUCT_W + 88, 276
WIDTH = RECIPIENT_X + RECIPIENT_W + MARGIN
PAD = 10  # inside a box
GAP = 10  # between boxes
GROUP_HEADING = 26
NAME_SIZE, TEXT_SIZE, LINE = 14, 12, 16
# Rough average glyph widths (in ems) for wrapping: generous, so that a wider fallback font
# (DejaVu Sans in the PDF) still fits.
BOLD_EM, REGULAR_EM = 0.64, 0.58

INK, MUTED, BRAND, SOFT, LINE_COLOUR, AMBER = (
    "#1b1f24",
    "#4a5360",
    "#0b4f8a",
    "#f3f6f9",
    "#4a5360",
    "#8a6100",
)
FONT = "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, Arial, sans-serif"


@dataclass(frozen=True)
class Source:
    name: str
    description: str = ""


@dataclass(frozen=True)
class Recipient:
    """One register entry, as the diagram and its list show it."""

    id: str
    name: str
    legal_entity: str
    recipient_type: str
    type_label: str
    purpose: str
    countries: tuple
    restricted: bool
    safeguard: str

    @property
    def group(self):
        return GROUP_OF_TYPE.get(self.recipient_type, "other")

    @property
    def where(self):
        return ", ".join(self.countries) or _("Country not recorded")


@dataclass
class Box:
    kind: str  # "source", "product" or "recipient"
    x: float
    y: float
    w: float
    h: float
    lines: list  # [(text, size, bold, colour)]
    item: object = None
    tooltip: str = ""

    @property
    def mid_y(self):
        return self.y + self.h / 2


@dataclass
class Diagram:
    product: str
    sources: list
    recipients: list
    hosting: str = ""
    boxes: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # [(x, y, text)]
    height: float = 0

    @property
    def groups(self):
        """[(key, heading, [Recipient])] for the groups that have recipients, in drawing order."""
        return [
            (key, str(heading), [r for r in self.recipients if r.group == key])
            for key, heading, _kinds in GROUPS
            if any(r.group == key for r in self.recipients)
        ]

    @property
    def summary(self):
        """One sentence: the diagram's <desc>."""
        sources = len(self.sources)
        counts = [
            GROUP_COUNTS[key](len(items)) % {"count": len(items)} for key, _h, items in self.groups
        ]
        flows_to = ", ".join(counts) if counts else _("no recipients")
        return ngettext(
            "Data comes into %(product)s from %(count)d source and goes from it to %(flows_to)s. "
            "Each recipient is labelled with where it processes the data and the transfer "
            "safeguard.",
            "Data comes into %(product)s from %(count)d sources and goes from it to "
            "%(flows_to)s. Each recipient is labelled with where it processes the data and the "
            "transfer safeguard.",
            sources,
        ) % {"product": self.product, "count": sources, "flows_to": flows_to}

    def svg(self, id_prefix):
        return render_svg(self, id_prefix)


def recipients_from_records(records, product_slug):
    """The current recipients of one product, from register records (`to_record`), in drawing
    order: by group, then by name."""
    recipients = []
    for record in records:
        if record.get("status", "current") != "current":
            continue
        uses = [p for p in record.get("products", []) if p.get("slug") == product_slug]
        if not uses:
            continue
        recipients.append(
            Recipient(
                id=record["id"],
                name=record["name"],
                legal_entity=record.get("legal_entity") or "",
                recipient_type=record["recipient_type"],
                # The records keep English labels (machine-readable); shown in the page's language.
                type_label=_(record.get("recipient_type_label") or record["recipient_type"]),
                purpose=uses[0].get("purpose") or "",
                countries=tuple(c["name"] for c in record.get("countries", [])),
                restricted=any(c["code"] != UK for c in record.get("countries", [])),
                safeguard=_(safeguard)
                if (safeguard := record.get("transfer_safeguard_label"))
                else "",
            )
        )
    order = {key: i for i, (key, _heading, _kinds) in enumerate(GROUPS)}
    return sorted(recipients, key=lambda r: (order.get(r.group, 99), r.name.lower(), r.id))


def build(product, sources, records, product_slug, hosting=""):
    """The laid-out diagram for `product` (its title), `sources` ([Source]) and its register
    `records`."""
    diagram = Diagram(
        product=product,
        sources=list(sources),
        recipients=recipients_from_records(records, product_slug),
        hosting=hosting,
    )
    _layout(diagram)
    return diagram


# --- Layout ------------------------------------------------------------------------------------


def wrap(text, width, size, em, max_lines=3):
    """`text` in lines that fit `width` at font `size` (estimated), at most `max_lines`; a cut
    last line ends with an ellipsis."""
    limit = max(8, int(width / (size * em)))
    lines, current = [], ""
    for word in text.split():
        while len(word) > limit:  # a word longer than a line is broken
            if current:
                lines.append(current)
                current = ""
            lines.append(word[: limit - 1] + "-")
            word = word[limit - 1 :]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: limit - 1].rstrip() + "…"
    return lines or [""]


def _box(kind, x, w, parts, item=None, tooltip=""):
    """A box whose height fits its text. `parts`: [(text, size, bold, colour, max_lines)]."""
    lines = []
    for text, size, bold, colour, max_lines in parts:
        if not text:
            continue
        em = BOLD_EM if bold else REGULAR_EM
        lines += [(t, size, bold, colour) for t in wrap(text, w - 2 * PAD, size, em, max_lines)]
    h = 2 * PAD + LINE * len(lines) + 2
    return Box(kind, x, 0, w, h, lines, item, tooltip)


def _stack(boxes, top, bottom):
    """Place `boxes` one under another, centred between `top` and `bottom`."""
    total = sum(b.h for b in boxes) + GAP * max(0, len(boxes) - 1)
    y = top + max(0, (bottom - top - total) / 2)
    for b in boxes:
        b.y = y
        y += b.h + GAP
    return y - GAP


def _layout(d):
    # Right column: recipients under their group headings.
    y = TOP
    recipient_boxes = []
    for _key, heading, items in d.groups:
        d.headings.append(
            (
                RECIPIENT_X,
                y + 16,
                _("%(group)s (%(count)s)") % {"group": heading, "count": len(items)},
            )
        )
        y += GROUP_HEADING
        for r in items:
            colour = AMBER if r.restricted else MUTED
            box = _box(
                "recipient",
                RECIPIENT_X,
                RECIPIENT_W,
                [
                    (r.name, NAME_SIZE, True, INK, 2),
                    (r.where, TEXT_SIZE, r.restricted, colour, 2),
                    (r.safeguard, TEXT_SIZE, False, MUTED, 2),
                ],
                item=r,
                tooltip=f"{r.name} ({r.type_label}): {r.where}. {r.safeguard}.",
            )
            box.y = y
            y += box.h + GAP
            recipient_boxes.append(box)
        y += GAP
    if not recipient_boxes:
        empty = _box(
            "empty",
            RECIPIENT_X,
            RECIPIENT_W,
            [
                (
                    _("No sub-processors or other recipients are recorded."),
                    TEXT_SIZE,
                    False,
                    MUTED,
                    3,
                )
            ],
        )
        empty.y = y
        recipient_boxes.append(empty)
        y += empty.h + GAP
    right_bottom = y

    source_boxes = [
        _box(
            "source",
            SOURCE_X,
            SOURCE_W,
            [(s.name, NAME_SIZE, True, INK, 3)],
            item=s,
            tooltip=s.name + (f": {s.description}" if s.description else ""),
        )
        for s in d.sources
    ] or [
        _box(
            "empty",
            SOURCE_X,
            SOURCE_W,
            [(_("No data sources are recorded."), TEXT_SIZE, False, MUTED, 3)],
        )
    ]
    product_box = _box(
        "product",
        PRODUCT_X,
        PRODUCT_W,
        [
            (d.product, NAME_SIZE + 2, True, "#ffffff", 3),
            (
                _("Hosted in %(place)s") % {"place": d.hosting} if d.hosting else "",
                TEXT_SIZE,
                False,
                "#ffffff",
                4,
            ),
        ],
        tooltip=d.product,
    )
    product_box.h = max(product_box.h, 96)
    left_total = sum(b.h for b in source_boxes) + GAP * (len(source_boxes) - 1)
    bottom = max(right_bottom, TOP + left_total, TOP + product_box.h)
    _stack(source_boxes, TOP, bottom)
    _stack([product_box], TOP, bottom)
    d.headings[:0] = [
        (SOURCE_X, 30, _("Where the data comes from")),
        (PRODUCT_X, 30, _("Our product")),
        (RECIPIENT_X, 30, _("Who receives it")),
    ]
    d.boxes = [*source_boxes, product_box, *recipient_boxes]
    d.height = bottom + MARGIN


# --- SVG ---------------------------------------------------------------------------------------


def _e(value):
    return html.escape(str(value), quote=True)


def _n(value):
    """A coordinate, short and stable."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _curve(x1, y1, x2, y2):
    dx = (x2 - x1) / 2
    return f"M{_n(x1)} {_n(y1)} C{_n(x1 + dx)} {_n(y1)} {_n(x2 - dx)} {_n(y2)} {_n(x2)} {_n(y2)}"


def _box_svg(box):
    styles = {
        "source": (SOFT, MUTED, ""),
        "product": (BRAND, BRAND, ""),
        "recipient": ("#ffffff", BRAND, ""),
        "empty": ("#ffffff", MUTED, ' stroke-dasharray="4 4"'),
    }
    fill, stroke, dash = styles[box.kind]
    classes = f"dataflow-node dataflow-node--{box.kind}"
    data = ""
    if box.kind == "recipient":
        r = box.item
        classes += f" dataflow-node--{r.group}"
        data = f' data-recipient-id="{_e(r.id)}" data-recipient-type="{_e(r.recipient_type)}"'
        if r.group == "in_house":
            fill, stroke, dash = SOFT, MUTED, ' stroke-dasharray="6 4"'
        elif r.group == "other":
            stroke = MUTED
    out = [f'<g class="{classes}"{data}>']
    if box.tooltip:
        out.append(f"<title>{_e(box.tooltip)}</title>")
    out.append(
        f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" height="{_n(box.h)}" '
        f'rx="6" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>'
    )
    if box.kind == "recipient" and box.item.restricted:
        # Outside the UK: an amber bar down the left edge (the countries line says it in words).
        out.append(
            f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="5" height="{_n(box.h)}" rx="2" '
            f'fill="{AMBER}"/>'
        )
    y = box.y + PAD + LINE - 3
    for text, size, bold, colour in box.lines:
        weight = ' font-weight="700"' if bold else ""
        out.append(
            f'<text x="{_n(box.x + PAD + 2)}" y="{_n(y)}" font-size="{size}"{weight} '
            f'fill="{colour}">{_e(text)}</text>'
        )
        y += LINE
    out.append("</g>")
    return "".join(out)


def render_svg(d, id_prefix):
    """The diagram as an SVG element, for inline use in HTML or in the PDF's HTML."""
    prefix = _e(id_prefix)
    product_box = next(b for b in d.boxes if b.kind == "product")
    arrow = f"{prefix}-arrow"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dataflow-svg" role="img" '
        f'viewBox="0 0 {WIDTH} {_n(d.height)}" width="{WIDTH}" height="{_n(d.height)}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="{_e(FONT)}">',
        f'<title id="{prefix}-title">'
        + _e(_("How %(product)s data flows") % {"product": d.product})
        + "</title>",
        f'<desc id="{prefix}-desc">{_e(d.summary)}</desc>',
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
        f'fill="{LINE_COLOUR}"/></marker></defs>',
    ]
    for x, y, text in d.headings:
        out.append(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="13" font-weight="700" '
            f'fill="{INK}">{_e(text)}</text>'
        )
    edges = ['<g class="dataflow-edges" fill="none" stroke-width="1.5">']
    for box in d.boxes:
        if box.kind == "source":
            path = _curve(box.x + box.w, box.mid_y, product_box.x - 2, product_box.mid_y)
            edges.append(f'<path d="{path}" stroke="{LINE_COLOUR}" marker-end="url(#{arrow})"/>')
        elif box.kind == "recipient":
            dash = ' stroke-dasharray="6 4"' if box.item.group == "in_house" else ""
            path = _curve(product_box.x + product_box.w, product_box.mid_y, box.x - 2, box.mid_y)
            edges.append(
                f'<path class="dataflow-edge" d="{path}" stroke="{LINE_COLOUR}"{dash} '
                f'marker-end="url(#{arrow})"/>'
            )
    edges.append("</g>")
    out += edges
    out += [_box_svg(box) for box in d.boxes]
    out.append("</svg>")
    return "".join(out)
