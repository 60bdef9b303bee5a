"""The CV as a JSON Resume (resume.json): what al-folio's CV page reads from
`assets/json/resume.json` and what resume-cli's themes render.

The reverse of load/jsonresume.py, so that an import followed by an export gives back what the
resume said: appointments are `work` (department as `description`, note as `summary`),
service `volunteer`, degrees `education`, awards `awards`, grants `projects` of type `grant`
(funder as `entity`, role as `roles`), the custom sections projects, skills, languages and
certificates their own sections, research interests `interests`, and the listed publications
`publications` (title, venue as publisher, date, the paper's main link, the authors as
summary). Dates are ISO 8601 as the schema asks (2019, 2019-06); an ongoing item has no
`endDate`. What JSON Resume has no place for is listed by `left_out` for the command to say.
"""

from __future__ import annotations

import json
from typing import Any

from cvgen.compose import Settings
from cvgen.document import Document
from cvgen.exports import listed_publications
from cvgen.exports.site_data import main_link
from cvgen.model import CV, Publication
from cvgen.select import section_content
from cvgen.util.dates import Date

SHOWN = {"appointments", "service", "education", "awards", "grants", "research_interests"}
CUSTOM = ("projects", "skills", "languages", "certificates")
NETWORKS = {"github": "GitHub", "gitlab": "GitLab", "dblp": "DBLP", "linkedin": "LinkedIn",
            "researchgate": "ResearchGate", "orcid": "ORCID", "twitter": "Twitter"}  # fmt: skip
LEFT_OUT = ("students", "teaching", "talks", "press", "personal_details")


def iso(date: Date | None) -> str | None:
    return None if date is None or date.present else date.iso()


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v not in (None, "", [], {})}


def basics(cv: CV) -> dict[str, Any]:
    person = cv.data.person
    profiles = [{"network": "ORCID", "url": f"https://orcid.org/{person.orcid}"}] * bool(
        person.orcid
    )
    profiles += [
        {"network": NETWORKS.get(name, name.replace("_", " ").title()), "url": url}
        for name, url in person.links.items()
    ]
    return _clean(
        {
            "name": person.name,
            "label": person.position,
            "email": person.email,
            "phone": person.phone,
            "url": person.website,
            "summary": cv.data.bio or cv.data.research_statement,
            "location": {"address": person.address} if person.address else None,
            "profiles": profiles,
        }
    )


def _work(item: Any) -> dict[str, Any]:
    return {
        "name": item.institution,
        "position": item.title,
        "location": item.location,
        "description": item.department,
        "startDate": iso(item.start),
        "endDate": iso(item.end),
        "summary": item.note,
    }


def _volunteer(item: Any) -> dict[str, Any]:
    return {
        "organization": item.organization,
        "position": item.role,
        "startDate": iso(item.start),
        "endDate": iso(item.end),
        "summary": item.note,
    }


def _education(item: Any) -> dict[str, Any]:
    return {
        "institution": item.institution,
        "area": item.field,
        "studyType": item.degree,
        "startDate": iso(item.start),
        "endDate": iso(item.end),
        "score": item.gpa,
    }


def _award(item: Any) -> dict[str, Any]:
    return {
        "title": item.name,
        "date": iso(item.start),
        "awarder": item.organization,
        "summary": item.note,
    }


def _grant(item: Any) -> dict[str, Any]:
    return {
        "name": item.title,
        "type": "grant",
        "entity": item.funder,
        "roles": [item.role],
        "description": item.number,
        "startDate": iso(item.start),
        "endDate": iso(item.end),
    }


def _publication(pub: Publication) -> dict[str, Any]:
    link = main_link(pub)
    return {
        "name": pub.title,
        "publisher": pub.venue,
        "releaseDate": None if pub.undated else iso(pub.date),
        "url": link.href if link else None,
        "summary": ", ".join(author.display for author in pub.authors),
    }


def _custom(cv: CV, name: str) -> list[dict[str, Any]]:
    entries = section_content(cv, name) if name in cv.data.custom else []
    shaped = {
        "projects": lambda e: {"name": e.title, "description": " ".join(e.details) or None,
                               "startDate": iso(e.start), "endDate": iso(e.end), "url": e.url},
        "skills": lambda e: {"name": e.title, "level": e.note,
                             "keywords": [k.strip() for d in e.details for k in d.split(",")]},
        "languages": lambda e: {"language": e.title, "fluency": e.note},
        "certificates": lambda e: {"name": e.title, "issuer": e.organization,
                                   "date": iso(e.date or e.start), "url": e.url},
    }[name]  # fmt: skip
    return [_clean(shaped(entry)) for entry in entries]


def resume(cv: CV, document: Document) -> dict[str, Any]:
    shown = {section.name for section in document.sections}

    def items(name: str, shape: Any) -> list[dict[str, Any]]:
        return [_clean(shape(i)) for i in section_content(cv, name)] if name in shown else []

    data: dict[str, Any] = {
        "basics": basics(cv),
        "work": items("appointments", _work),
        "volunteer": items("service", _volunteer),
        "education": items("education", _education),
        "awards": items("awards", _award),
        "publications": [_clean(_publication(p)) for p in listed_publications(cv, document)],
        "interests": [{"name": i} for i in cv.data.research_interests],
        "projects": items("grants", _grant) + _custom(cv, "projects"),
    }
    data |= {name: _custom(cv, name) for name in CUSTOM[1:]}
    return {name: value for name, value in data.items() if value}


def left_out(cv: CV) -> list[str]:
    """What the CV holds and JSON Resume has no place for, section by section."""
    counts = [(name, len(section_content(cv, name))) for name in LEFT_OUT]
    counts += [(name, len(s.entries)) for name, s in cv.data.custom.items() if name not in CUSTOM]
    return [f"{name} ({count})" for name, count in counts if count]


def export(cv: CV, document: Document, settings: Settings) -> str:
    return json.dumps(resume(cv, document), indent=2, ensure_ascii=False) + "\n"
