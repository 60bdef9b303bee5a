"""The CV's header (name, position, affiliation, contact) and its document properties."""

from __future__ import annotations

import re

from cvgen.compose.context import Context
from cvgen.document import ContactItem, Header, Meta
from cvgen.model import CV, Metrics, Person
from cvgen.util.dates import Date
from cvgen.words import Words

_LINK_LABELS = {
    "github": "GitHub", "gitlab": "GitLab", "google_scholar": "Google Scholar", "dblp": "DBLP",
    "linkedin": "LinkedIn", "researchgate": "ResearchGate", "semantic_scholar": "Semantic Scholar",
    "mastodon": "Mastodon", "bluesky": "Bluesky", "twitter": "Twitter", "x": "X",
}  # fmt: skip


def link_label(key: str) -> str:
    """'google_scholar' -> 'Google Scholar', the label of a person.links entry (brand names)."""
    return _LINK_LABELS.get(key.lower(), key.replace("_", " ").title())


def _shown_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def contact(person: Person, ctx: Context) -> list[ContactItem]:
    """Email, phone, website, ORCID and profile links, in that order."""
    items = []
    if person.email:
        items.append(ContactItem(person.email, f"mailto:{person.email}", kind="email"))
    if person.phone:
        items.append(ContactItem(person.phone, kind="phone"))
    if person.website:
        items.append(ContactItem(_shown_url(person.website), person.website, kind="website"))
    if person.orcid:
        href = f"https://orcid.org/{person.orcid}"
        items.append(ContactItem(person.orcid, href, ctx.words("furniture.orcid"), "orcid"))
    for key, url in person.links.items():
        items.append(ContactItem(link_label(key), url, kind="profile"))
    return items


def unbroken_parts(address: str | None) -> str | None:
    """An address that breaks only between its comma-separated parts, never inside one
    ("Northbridge NB3 7QT"): each short part's spaces become no-break spaces."""
    if not address:
        return address
    parts = address.split(", ")
    return ", ".join(p.replace(" ", "\u00a0") if len(p) <= 30 else p for p in parts)


def full_name(person: Person, words: Words) -> str:
    """'Prof. Jane Doe, MD, PhD': the name with its title and post-nominals (each once)."""
    title, letters = person.titled_name()
    name = person.name
    if title:
        name = words.fmt("furniture.name_with_title", title=title, name=name)
    if letters:
        name = words.fmt("furniture.name_with_postnominals", name=name, postnominals=letters)
    return name


def header(cv: CV, ctx: Context) -> Header:
    person = cv.data.person
    title, letters = person.titled_name()
    return Header(
        name=person.name,
        title=title,
        postnominals=letters,
        position=person.position,
        affiliation=[line for line in (person.department, person.affiliation) if line],
        address=unbroken_parts(person.address),
        contact=contact(person, ctx),
        metrics=metrics_line(ctx),
    )


def metrics_line(ctx: Context) -> str | None:
    """The citation metrics under the header, when cv.yaml asks for them."""
    metrics = ctx.settings.metrics
    if metrics is None or not ctx.settings.metrics_header:
        return None
    return metrics_phrase(metrics, ctx.words)


def metrics_phrase(metrics: Metrics, words: Words) -> str:
    """'Citations 12,345 · h-index 45 — OpenAlex, December 2026': dated and named by source."""
    return words.fmt(
        "metrics.header",
        citations=words.number(metrics.citations),
        h_index=metrics.h_index,
        source=metrics.source,
        date=words.date(Date(metrics.fetched.year, metrics.fetched.month), short=False),
    )


def meta(cv: CV, ctx: Context, date: str) -> Meta:
    person = cv.data.person
    words = ctx.words
    about = ", ".join(p for p in (person.position, person.affiliation) if p)
    description = words.fmt("furniture.description", name=person.name)
    description = f"{description}, {about}." if about else f"{description}."
    subject = words("furniture.curriculum_vitae")
    notice = ctx.settings.notice
    return Meta(
        title=words.fmt("furniture.title", name=full_name(person, words)),
        author=person.name,
        subject=f"{subject} — {notice}" if notice else subject,
        description=f"{notice}. {description}" if notice else description,
        keywords=list(cv.data.research_interests),
        lang=words.language,
        direction="rtl" if words.direction == "rtl" else "ltr",
        date=date,
    )


def furniture(ctx: Context, person: Person) -> dict[str, str]:
    """The words writers print around the content: footer, page numbers, the contents, and
    'Updated January 2023' when the CV is dated (design.as_of, --as-of), with the settings'
    notice after it (every writer prints this line: the footer, or under the header)."""
    words = ctx.words
    printed = {
        "curriculum_vitae": words("furniture.curriculum_vitae"),
        "page_of": words("furniture.page_of"),
        "page_title": words.fmt("furniture.page_title", name=full_name(person, words)),
        "contents": words("furniture.contents"),
    }
    as_of = ctx.settings.as_of
    if as_of is not None:
        month = Date(as_of.year, as_of.month)  # a CV is dated to the month
        printed["updated"] = words.fmt("furniture.updated", date=words.date(month, short=False))
    if ctx.settings.notice:
        printed["updated"] = " · ".join(filter(None, [printed.get("updated"), ctx.settings.notice]))
    return printed
