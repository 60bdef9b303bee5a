"""The one-screen summary `cvgen check` prints: what was loaded, per section and per type."""

from __future__ import annotations

from collections import Counter

from cvgen.model import CV, SECTION_NAMES, PubKind

# The cv.yaml sections, in CV order; publications and patents are counted by type below, and
# personal details are no list.
SECTION_FIELDS = tuple(
    name for name in SECTION_NAMES if name not in ("publications", "patents", "personal_details")
)


def summarize(cv: CV) -> str:
    data = cv.data
    pubs = cv.publications
    lines = [f"{data.person.name}" + (f" — {data.person.position}" if data.person.position else "")]
    counts = [(name, len(getattr(data, name))) for name in SECTION_FIELDS]
    counts += [(name, len(section.entries)) for name, section in data.custom.items()]
    width = max(len(name) for name, _ in counts)
    lines.append("")
    lines.append("Sections")
    for name, count in counts:
        lines.append(f"  {name.replace('_', ' '):<{width}}  {count:>4}")
    lines.append("")
    years = [p.year for p in pubs if not p.undated]
    span = f" ({min(years)}–{max(years)})" if years else ""
    lines.append(f"Publications  {len(pubs)}{span}")
    kinds = Counter(p.kind for p in pubs)
    for kind in PubKind:
        if kinds[kind]:
            lines.append(f"  {kind.value:<{width}}  {kinds[kind]:>4}")
    marked = [
        ("by you (name matched)", sum(any(a.is_self for a in p.authors) for p in pubs)),
        ("with a student", sum(p.has_student for p in pubs)),
        ("with equal contribution", sum(p.has_equal_contribution for p in pubs)),
        ("with annotations", sum(p.has_annotations for p in pubs)),
    ]
    lines.append("")
    lines.extend(f"  {label:<24} {count:>4}" for label, count in marked)
    statuses = Counter(p.status for p in pubs if p.forthcoming)
    if statuses:
        counted = ", ".join(f"{status} {n}" for status, n in sorted(statuses.items()))
        lines.append(f"  {'not yet published':<24} {sum(statuses.values()):>4}  ({counted})")
    spelling = {tag.casefold(): tag for p in reversed(pubs) for tag in p.tags}  # first written
    tags = Counter(tag.casefold() for p in pubs for tag in p.tags)
    if tags:
        counted = sorted((spelling[key], n) for key, n in tags.items())
        lines.append("  tags: " + ", ".join(f"{t} ({n})" for t, n in counted))
    return "\n".join(lines)
