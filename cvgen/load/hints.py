"""Plain-words hints for the mistakes people make in cv.yaml, added to validation messages.

Each hint answers what the user meant rather than what the validator saw: 'plenary' is a
keynote here, and an unknown key '2010–2012' inside `{…}` is the tail of a value an unquoted
comma cut off.
"""

from __future__ import annotations

# What people write for a fixed value -> the value cvgen uses for it.
CHOICE_SYNONYMS: dict[str, str | tuple[str, ...]] = {
    # talk kinds
    "plenary": "keynote", "semi-plenary": "keynote", "semiplenary": "keynote",
    "distinguished": "keynote", "poster": "contributed", "oral": "contributed",
    "spotlight": "contributed", "webinar": "seminar", "departmental": "seminar",
    "colloquia": "colloquium", "panelist": "panel", "panel discussion": "panel",
    "outreach": "public", "invitation": "invited",
    # award kinds
    "honor": "honour", "medal": "prize", "scholarship": "fellowship",
    # service categories
    "organizing": "organising", "review": "reviewing", "editor": "editorial",
    "department": "departmental",
    # students
    "ms": "msc", "ma": "msc", "masters": "msc", "master": "msc", "doctoral": "phd",
    "doctorate": "phd", "bsc": "undergraduate", "ba": "undergraduate", "post-doc": "postdoc",
    "graduated": "completed", "finished": "completed", "defended": "completed",
    "ongoing": "current", "active": "current", "withdrew": "left", "dropped": "left",
    # appointments
    "administration": "administrative", "leadership": "administrative",
    "management": "administrative", "adjunct": "affiliate", "affiliated": "affiliate",
    "honorary": "affiliate", "visitor": "visiting", "hospital": "clinical",
    "medical": "clinical", "industrial": "industry",
    # grants and press
    "industry": "industrial", "company": ("industrial", "industry"), "contract": "industrial",
    "seed": "internal", "institutional": "internal",
    "television": "tv", "newspaper": "article", "magazine": "article",
}  # fmt: skip


def synonym_hint(got: str, allowed: list[str]) -> str | None:
    """'; for plenary use 'keynote'' when what was written means one of the allowed values."""
    found = CHOICE_SYNONYMS.get(got.strip().casefold(), ())
    meant = next((m for m in ((found,) if isinstance(found, str) else found) if m in allowed), None)
    return f"; for {got.strip()} use {meant!r}" if meant else None


# Top-level keys people write for what cv.yaml holds elsewhere.
MOVED_KEYS: dict[str, str] = {
    "administration": "; administrative and leadership posts go under appointments: with "
    "kind: administrative (printed under Administrative and Leadership Positions)",
    "leadership": "; administrative and leadership posts go under appointments: with "
    "kind: administrative (printed under Administrative and Leadership Positions)",
}

CUSTOM_SECTION_HINT = (
    "; a section of your own goes under custom:, e.g. custom: {{{name}: {{heading: ..., "
    "entries: [...]}}}}"
)
