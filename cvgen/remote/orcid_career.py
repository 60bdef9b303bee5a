"""An ORCID record's career as cv.yaml data: the person, degrees, appointments, distinctions,
memberships, qualifications, services, fundings and peer reviews (the works go to the .bib
through the ordinary import).

The result is plain data shaped as cv.yaml writes it, plus what could not be mapped, said in
words: an item cv.yaml requires a field for (a degree's name, a job's title) that the record
leaves empty is reported, never invented. ORCID's sections map so:

| ORCID | cv.yaml |
| --- | --- |
| name, other-names, emails, researcher-urls, ids, keywords, biography | person, interests, bio |
| educations | education (role-title "PhD, Physics" → degree PhD, field Physics) |
| employments, invited-positions | appointments (no end: present) |
| distinctions; fundings of type award / salary-award | awards (a salary award is a fellowship) |
| fundings of type grant / contract | grants (role from the full funding's contributors) |
| memberships, qualifications | custom sections `memberships`, `qualifications` |
| services; peer-reviews | service (category from the role's words; reviewing, per organization) |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cvgen.model.values import service_category
from cvgen.remote.orcid_shapes import date, items, place, summaries, text
from cvgen.remote.orcid_shapes import field as node_at

FUNDING_ROLES = {"lead": "PI", "co-lead": "co-PI", "supported-by": "collaborator"}
_DEGREE_SPLIT = re.compile(r"^(?P<degree>[^,]+?)(?:,\s*| in )(?P<field>.+)$")


@dataclass
class Career:
    """What a record holds, as cv.yaml data, and what it could not say."""

    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, section: str, item: dict[str, Any]) -> None:
        clean = {k: v for k, v in item.items() if v not in (None, "", [], {})}
        self.data.setdefault(section, []).append(clean)

    def add_custom(self, section: str, heading: str, item: dict[str, Any]) -> None:
        custom = self.data.setdefault("custom", {}).setdefault(
            section, {"heading": heading, "entries": []}
        )
        custom["entries"].append({k: v for k, v in item.items() if v not in (None, "", [])})


def _period(summary: dict, *, ongoing: bool) -> dict[str, Any]:
    start, end = date(summary.get("start-date")), date(summary.get("end-date"))
    if end is None and ongoing and summary.get("end-date") is None:
        end = "present"
    if start is not None and end not in (None, "present") and str(end) < str(start):
        end = None  # an end before the start: the record's typo, left out
    return {"start": start, "end": end}


def _organization(summary: dict) -> tuple[str | None, str | None]:
    org = node_at(summary, "organization")
    return text(org, "name"), place(org)


def _where(summary: dict) -> str:
    name, _ = _organization(summary)
    return name or "an unnamed organization"


def _degree(role: str, department: str | None) -> tuple[str, str | None]:
    match = _DEGREE_SPLIT.match(role)
    if match:
        return match["degree"].strip(), match["field"].strip()
    return role, department


def add_educations(career: Career, section: Any) -> None:
    for summary in summaries(section, "education"):
        role, (institution, location) = text(summary, "role-title"), _organization(summary)
        if not role or not institution:
            career.notes.append(f"education at {_where(summary)}: no degree named")
            continue
        degree, subject = _degree(role, text(summary, "department-name"))
        item = {"degree": degree, "field": subject, "institution": institution}
        career.add("education", {**item, "location": location, **_period(summary, ongoing=False)})


def add_appointments(career: Career, section: Any, kind: str, what: str) -> None:
    for summary in summaries(section, kind):
        title, (institution, location) = text(summary, "role-title"), _organization(summary)
        if not title or not institution:
            career.notes.append(f"{what} at {_where(summary)}: no title")
            continue
        item = {"title": title, "institution": institution}
        item |= {"department": text(summary, "department-name"), "location": location}
        career.add("appointments", {**item, **_period(summary, ongoing=True)})


def add_distinctions(career: Career, section: Any) -> None:
    for summary in summaries(section, "distinction"):
        name, (organization, _) = text(summary, "role-title"), _organization(summary)
        if not name:
            career.notes.append(f"distinction from {_where(summary)}: no name")
            continue
        given = _period(summary, ongoing=False)
        end = given["end"] if given["end"] != given["start"] else None
        career.add("awards", {"name": name, "organization": organization, **given, "end": end})


def add_custom(career: Career, section: Any, kind: str, heading: str, default: str | None) -> None:
    for summary in summaries(section, kind):
        title, (organization, location) = (
            text(summary, "role-title") or default,
            _organization(summary),
        )
        if not title:
            career.notes.append(f"{kind} at {_where(summary)}: no title")
            continue
        item = {"title": title, "organization": organization, "location": location}
        career.add_custom(f"{kind}s", heading, {**item, **_period(summary, ongoing=True)})


def add_services(career: Career, section: Any) -> None:
    for summary in summaries(section, "service"):
        role, (organization, _) = text(summary, "role-title"), _organization(summary)
        if not role or not organization:
            career.notes.append(f"service at {_where(summary)}: no role")
            continue
        category = service_category(role, organization)
        item = {"role": role, "organization": organization, "category": category}
        career.add("service", {**item, **_period(summary, ongoing=True)})


def add_peer_reviews(career: Career, section: Any) -> None:
    """One `reviewing` item per convening organization, over the years of its reviews."""
    years: dict[str, list[int]] = {}
    for group in items(section, "group"):
        for inner in items(group, "peer-review-group"):
            for summary in items(inner, "peer-review-summary"):
                organization = text(summary, "convening-organization", "name")
                when = date(summary.get("completion-date"))
                if organization:
                    years.setdefault(organization, [])
                    if when is not None:
                        years[organization].append(int(str(when)[:4]))
    for organization, seen in years.items():
        start, end = (min(seen), max(seen)) if seen else (None, None)
        item = {"role": "Reviewer", "organization": organization, "category": "reviewing"}
        career.add("service", {**item, "start": start, "end": end if end != start else None})


def funding_role(detail: Any, orcid: str) -> str | None:
    """The record owner's role in a full funding record: lead is PI, co-lead co-PI."""
    for contributor in items(detail, "contributors", "contributor"):
        if text(contributor, "contributor-orcid", "path") != orcid:
            continue
        role = text(contributor, "contributor-attributes", "contributor-role")
        return FUNDING_ROLES.get((role or "").lower(), "collaborator" if role else None)
    return None


def funding_amount(detail: Any) -> dict[str, Any]:
    """{amount, currency} from a full funding record's amount, when both are clean."""
    raw = text(detail, "amount")
    currency = text(detail, "amount", "currency-code")
    number = re.sub(r"[\s,]", "", raw or "")
    if not re.fullmatch(r"\d{1,15}(\.\d{1,2})?", number) or not currency:
        return {}
    if not re.fullmatch(r"[A-Z]{3}", currency):
        return {}
    return {"amount": float(number) if "." in number else int(number), "currency": currency}


def add_funding(career: Career, summary: dict, detail: Any, orcid: str) -> None:
    """A funding as a grant, or as an award when ORCID calls it one (a salary award is a
    fellowship); `detail` is the full record (amount, contributors) or None."""
    title, (funder, _) = text(summary, "title", "title"), _organization(summary)
    if not title or not funder:
        career.notes.append(f"funding from {_where(summary)}: no title")
        return
    kind = (text(summary, "type") or "grant").lower().replace("_", "-")
    period = _period(summary, ongoing=False)
    money = funding_amount(detail)
    number = next(
        (text(ext, "external-id-value") for ext in items(summary, "external-ids", "external-id")),
        None,
    )
    if kind in ("award", "salary-award"):
        award = {"name": title, "organization": funder, **period, **money}
        career.add("awards", {**award, "kind": "fellowship" if kind == "salary-award" else None})
        return
    role = funding_role(detail, orcid)
    if role is None:
        career.notes.append(f"grant “{title}”: your role is not on ORCID; written as PI, check")
    grant = {"title": title, "funder": funder, "role": role or "PI", "number": number}
    career.add("grants", {**grant, **period, **money})
