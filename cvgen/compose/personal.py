"""Personal details (date and place of birth, citizenship, ...) as a section of sentences.

Some national and institutional formats require them; most CVs must not show them. They are
composed only when cv.yaml says `design: {personal_details: true}`, so no output (PDF, web
page, lists, the tree's JSON) ever holds them otherwise.
"""

from __future__ import annotations

from cvgen.compose.career import sentence
from cvgen.compose.context import Context
from cvgen.document import Entry, Group, Span
from cvgen.model import CV


def personal_details(cv: CV, ctx: Context) -> list[Group]:
    if not cv.data.design.personal_details:
        return []
    person, words = cv.data.person, ctx.words
    born = person.birth_date and words.written(person.birth_date, "long_dates")
    place = person.birth_place
    lines: list[list[Span]] = []
    if born and place:
        lines.append(words.spans("personal.born", date=born, place=place))
    elif born:
        lines.append(words.spans("personal.born_on", date=born))
    elif place:
        lines.append(words.spans("personal.born_in", place=place))
    if person.citizenship:
        countries = ", ".join(person.citizenship)
        lines.append(words.spans("personal.citizenship", countries=countries))
    if person.family_status:
        lines.append([Span(person.family_status)])
    for label, text in person.other_details.items():
        lines.append(words.spans("personal.detail", label=label, text=text))
    entries = [Entry(sentence(line)) for line in lines]
    return [Group(None, entries, layout="paragraphs")] if entries else []
