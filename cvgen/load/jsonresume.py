"""A JSON Resume (resume.json, jsonresume.org schema 1.x) read as cv.yaml data.

Read as people write it, not only as the schema says: `highlights` as a string, `"Present"`
and `"present"` as an end, `2024.02` for 2024-02, two periods in one `startDate` (the first is
taken, the rest reported), `location: {}`, keys the schema does not have. What cv.yaml has no
place for (publications, which belong in the .bib; references; highlights) is reported, never
dropped without a word. The mapping, both ways (exports/jsonresume.py writes the reverse; the
README's table lists every field): basics → person and bio; work → appointments (description
→ department, summary → note); volunteer → service; education → education (studyType →
degree, area → field, score → gpa); awards → awards; projects of type grant → grants, other
projects, skills, languages, certificates → custom sections; interests → research_interests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cvgen.errors import CvgenError
from cvgen.files.reading import MAX_CV_YAML
from cvgen.load.jsonresume_values import Resume, listed, period, resume_date, strings, text
from cvgen.load.text_file import read_text
from cvgen.model.values import service_category


def read_resume(path: Path) -> Resume:
    """The resume.json at `path` as cv.yaml data; a file that is not JSON is one error."""
    problems: list = []
    raw = read_text(path, problems, MAX_CV_YAML)
    if raw is None:
        raise CvgenError(problems[0].message if problems else f"cannot read {path}")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise CvgenError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
    if not isinstance(data, dict):
        raise CvgenError(f"{path}: a JSON Resume is an object with basics, work, ...")
    resume = Resume()
    for read in SECTIONS:
        read(data, resume)
    return resume


def _address(location: Any) -> str | None:
    """'Montreal, Quebec Canada' from the location's parts, as al-folio prints them."""
    city_line = [text(location, key) for key in ("address", "city")]
    region = " ".join(p for p in (text(location, "region"), text(location, "postalCode")) if p)
    parts = [*city_line, region or None, text(location, "countryCode")]
    return ", ".join(p for p in parts if p) or None


def _profiles(basics: Any, person: dict[str, Any]) -> None:
    links: dict[str, str] = {}
    for profile in listed(basics, "profiles"):
        url, network = text(profile, "url"), text(profile, "network") or "profile"
        if not url or not url.lower().startswith(("http://", "https://")) or " " in url:
            continue
        if "orcid.org/" in url.lower():
            person.setdefault("orcid", url)
            continue
        links.setdefault("_".join(network.lower().split()), url)
    person["links"] = links


def read_basics(data: dict, resume: Resume) -> None:
    basics = data.get("basics")
    person = {
        "name": text(basics, "name"),
        "position": text(basics, "label"),
        "email": text(basics, "email"),
        "phone": text(basics, "phone"),
        "website": text(basics, "url"),
        "address": _address(basics.get("location") if isinstance(basics, dict) else None),
    }
    _profiles(basics, person)
    resume.data["person"] = {k: v for k, v in person.items() if v not in (None, {}, "")}
    summary = text(basics, "summary")
    if summary:
        resume.data["bio"] = summary
    extra = sorted(set(basics) - set(BASICS)) if isinstance(basics, dict) else []
    if extra:
        resume.notes.append(f"basics: {', '.join(map(repr, extra))} not in JSON Resume; left out")


BASICS = ("name", "label", "image", "email", "phone", "url", "summary", "location", "profiles")


def _highlights(item: dict, where: str, resume: Resume) -> None:
    lines = strings(item, "highlights")
    if lines:
        resume.notes.append(f"{where}: {len(lines)} highlights have no place in cv.yaml; left out")


def named(data: dict, section: str, keys: tuple[str, ...], resume: Resume):
    """(where, item, values of `keys`) of the section's items that have them all; the others
    are noted as left out."""
    for index, item in enumerate(listed(data, section)):
        where = f"{section}[{index}]"
        values = [text(item, key) for key in keys]
        if all(values):
            yield where, item, values
        else:
            resume.notes.append(f"{where}: no {' or '.join(keys)}; left out")


def read_work(data: dict, resume: Resume) -> None:
    for where, job, (title, institution) in named(data, "work", ("position", "name"), resume):
        item = {"title": title, "institution": institution, "department": text(job, "description")}
        item |= {"location": text(job, "location"), **period(job, where, resume.notes)}
        resume.add("appointments", {**item, "note": text(job, "summary")})
        _highlights(job, where, resume)


def read_volunteer(data: dict, resume: Resume) -> None:
    keys = ("position", "organization")
    for where, job, (role, organization) in named(data, "volunteer", keys, resume):
        item = {"role": role, "organization": organization}
        item["category"] = service_category(role, organization)
        item |= period(job, where, resume.notes)
        resume.add("service", {**item, "note": text(job, "summary")})
        _highlights(job, where, resume)


def read_education(data: dict, resume: Resume) -> None:
    keys = ("studyType", "institution")
    for where, school, (degree, institution) in named(data, "education", keys, resume):
        item = {"degree": degree, "field": text(school, "area"), "institution": institution}
        item |= {"location": text(school, "location"), **period(school, where, resume.notes)}
        item |= {"gpa": text(school, "score"), **_degree_extras(school)}
        resume.add("education", item)
        if strings(school, "courses"):
            resume.notes.append(f"{where}: courses have no place in cv.yaml; left out")


def _degree_extras(school: dict) -> dict[str, Any]:
    """Keys beyond the schema that people add to a degree and cv.yaml has: advisor, advisor2,
    dissertation or thesis, honor or honors."""
    advisors = [text(school, key) for key in sorted(school) if key.startswith("advisor")]
    thesis = text(school, "dissertation") or text(school, "thesis")
    honours = text(school, "honor") or text(school, "honors") or text(school, "honours")
    return {"advisor": [a for a in advisors if a], "thesis": thesis, "honours": honours}


def read_awards(data: dict, resume: Resume) -> None:
    for where, award, (name,) in named(data, "awards", ("title",), resume):
        when = resume_date(award.get("date"), f"{where}.date", resume.notes)
        item = {"name": name, "organization": text(award, "awarder")}
        resume.add("awards", {**item, "start": when, "note": text(award, "summary")})


def read_projects(data: dict, resume: Resume) -> None:
    """Grants (type grant, as cvgen exports them) and other projects, a section of their own."""
    for index, project in enumerate(listed(data, "projects")):
        where = f"projects[{index}]"
        name, dates = text(project, "name"), period(project, where, resume.notes)
        roles = strings(project, "roles")
        if name and (text(project, "type") or "").lower() == "grant" and text(project, "entity"):
            grant = {
                "title": name,
                "funder": text(project, "entity"),
                "role": roles[0] if roles else None,
            }
            resume.add("grants", {**grant, **dates, "number": text(project, "description")})
        elif name:
            item = {"title": name, "details": strings(project, "description"), **dates}
            resume.add_custom("projects", "Projects", {**item, "url": text(project, "url")})


def read_lists(data: dict, resume: Resume) -> None:
    """Skills, languages, certificates as sections of their own; interests as research
    interests; publications and references reported."""
    for skill in listed(data, "skills"):
        if text(skill, "name"):
            item = {
                "title": text(skill, "name"),
                "details": [", ".join(strings(skill, "keywords"))],
            }
            resume.add_custom("skills", "Skills", {**item, "note": text(skill, "level")})
    for language in listed(data, "languages"):
        if text(language, "language"):
            item = {"title": text(language, "language"), "note": text(language, "fluency")}
            resume.add_custom("languages", "Languages", item)
    for index, cert in enumerate(listed(data, "certificates")):
        if text(cert, "name"):
            when = resume_date(cert.get("date"), f"certificates[{index}].date", resume.notes)
            item = {"title": text(cert, "name"), "organization": text(cert, "issuer")}
            resume.add_custom(
                "certificates", "Certificates", {**item, "date": when, "url": text(cert, "url")}
            )
    interests = [text(i, "name") for i in listed(data, "interests") if text(i, "name")]
    if interests:
        resume.data["research_interests"] = interests
    for section, why in (
        ("publications", "keep them in the .bib (cvgen import doi ...)"),
        ("references", "cvgen has no references section"),
    ):
        if listed(data, section):
            resume.notes.append(f"{section}: {len(listed(data, section))} left out: {why}")


SECTIONS = (
    read_basics,
    read_work,
    read_volunteer,
    read_education,
    read_awards,
    read_projects,
    read_lists,
)
