"""The one-screen summary `cvgen check` prints: what was loaded, per section and per type."""

from __future__ import annotations

from collections import Counter

from cvgen.model import CV, SECTION_NAMES, PubKind, Publication
from cvgen.select import section_content

# The cv.yaml sections, in CV order; publications and patents are counted by type below, and
# personal details are no list.
SECTION_FIELDS = tuple(
    name for name in SECTION_NAMES if name not in ("publications", "patents", "personal_details")
)


def summarize(cv: CV) -> str:
    data = cv.data
    pubs = cv.publications
    lines = [f"{data.person.name}" + (f" — {data.person.position}" if data.person.position else "")]
    counts = [
        (name, len(section_content(cv, name))) for name in SECTION_FIELDS if name not in data.custom
    ]
    counts += [(name, len(section.entries)) for name, section in data.custom.items()]
    width = max(len(name) for name, _ in counts)
    lines.append("")
    lines.append("Sections")
    for name, count in counts:
        lines.append(f"  {name.replace('_', ' '):<{width}}  {count:>4}")
    lines.append("")
    counted = _Counts(pubs)
    years = counted.years
    span = f" ({min(years)}–{max(years)})" if years else ""
    lines.append(f"Publications  {len(pubs)}{span}")
    for kind in PubKind:
        if counted.kinds[kind]:
            lines.append(f"  {kind.value:<{width}}  {counted.kinds[kind]:>4}")
    lines.append("")
    lines.extend(f"  {label:<24} {counted.marked[label]:>4}" for label in _MARKED)
    statuses = counted.statuses
    if statuses:
        listed = ", ".join(f"{status} {n}" for status, n in sorted(statuses.items()))
        lines.append(f"  {'not yet published':<24} {sum(statuses.values()):>4}  ({listed})")
    if counted.tags:
        tags = sorted((counted.spelling[key], n) for key, n in counted.tags.items())
        lines.append("  tags: " + ", ".join(f"{t} ({n})" for t, n in tags))
    return "\n".join(lines)


_MARKED = ("by you (name matched)", "with a student", "with equal contribution", "with annotations")


class _Counts:
    """What the summary says of the publications, counted in one pass: a reference library
    has 50,000 of them, and each pass costs a tenth of a second."""

    def __init__(self, pubs: list[Publication]):
        self.years: list[int] = []
        self.kinds: Counter[PubKind] = Counter()
        self.marked: Counter[str] = Counter()
        self.statuses: Counter[str | None] = Counter()
        self.tags: Counter[str] = Counter()
        self.spelling: dict[str, str] = {}  # a tag as first written
        for pub in pubs:
            if not pub.undated:
                self.years.append(pub.year)
            self.kinds[pub.kind] += 1
            self._count_roles(pub)
            if pub.forthcoming:
                self.statuses[pub.status] += 1
            for tag in pub.tags:
                key = tag.casefold()
                self.tags[key] += 1
                self.spelling.setdefault(key, tag)

    def _count_roles(self, pub: Publication) -> None:
        own = student = equal = False
        for author in pub.authors:
            own = own or author.is_self
            student = student or author.is_student
            equal = equal or author.equal_contribution
        for label, marked in zip(_MARKED, (own, student, equal, pub.has_annotations), strict=True):
            if marked:
                self.marked[label] += 1
