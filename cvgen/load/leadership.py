"""Whether a post's title names a leadership role, in the words of every language cvgen ships.

`cvgen check` uses it to suggest `kind: administrative` for a head of department, a dean or an
institute's director filed as a plain appointment or as service. The words are each language's
usual titles of academic office; the exclusions keep out what only looks like one: a
committee's or a session's chair, a named or research chair (a professorship), a thesis
director, the French rank directeur de recherche.
"""

from __future__ import annotations

import re

# Per language: the titles of office (matched as words, or as the end of a compound where the
# language builds them: 'Institutsleiterin', 'afdelingshoofd').
_OFFICES: dict[str, str] = {
    "en": r"\b(head|chair(man|woman|person)?|(vice[- ]?|associate |assistant |deputy )?dean"
    r"|(managing |executive |scientific |founding )?director|(vice[- ]?)?provost"
    r"|(vice[- ]?)?president|(vice[- ]?)?chancellor|(pro[- ]?|vice[- ]?)?rector"
    r"|(co[- ]?)?founder|principal)\b",
    "de": r"(leiter(in)?|leitung|direktor(in)?|dekan(in)?|präsident(in)?|rektor(in)?"
    r"|kanzler(in)?|vorsitzende[r]?|gründer(in)?|geschäftsführer(in)?)\b",
    "fr": r"\b(directeur|directrice|(vice-)?doyen(ne)?|(vice-)?président(e)?|recteur|rectrice"
    r"|chef(fe)? de (département|service|pôle)|fondat(eur|rice)|chancelier)\b",
    "es": r"\b(director(a)?|(vice)?decan(o|a)|(vice)?president(e|a)|(vice)?rr?ector(a)?"
    r"|jef(e|a) de (departamento|servicio)|fundador(a)?|canciller)\b",
    "it": r"\b(dirett(ore|rice)|preside|(vice)?president(e|essa)|(pro)?rett(ore|rice)"
    r"|capo (del |di )|fondat(ore|rice)|cancelliere)",
    "pt": r"\b(diret(or|ora)|director(a)?|(vice-)?reitor(a)?|(pró-)?reitor(a)?|decano"
    r"|(vice-)?president(e|a)|chefe de (departamento|serviço)|fundador(a)?)\b",
    "nl": r"(directeur|(vice)?decaan|voorzitter|rector( magnificus)?|(vice-)?president"
    r"|hoofd|oprichter)\b",
    "he": r"(ראש|דיקן|דיקנית|נשיא|נשיאה|רקטור|רקטורית|מנהל|מנהלת|יו\"ר|יושב ראש|יושבת ראש"
    r"|מייסד|מייסדת|פרובוסט|מנכ\"ל|מנכ\"לית)",
}
# What only looks like an office: committees, boards and sessions, professorships called
# chairs, thesis supervision, research ranks, and (German, Dutch) a research group's leader.
_NOT_OFFICES = (
    r"committee|commission|panel|session|track|workshop|symposium|conference|jury|board of"
    r"|editor|\bchair in\b|area chair|program(me)? (co-)?chair|general chair|session chair"
    r"|research chair|endowed"
    r"|named chair|chair professor|principal investigator|principal engineer|principal scientist"
    r"|principal researcher|principal lecturer|head teaching|ausschuss|kommission|gremium"
    r"|gruppenleiter|projektleiter|lehrstuhl|comité|commission|de thèse|directeur de recherche"
    r"|directrice de recherche|de tesis|comisión|tribunal|comitato|commissione|di tesi"
    r"|comissão|comitê|orientador|commissie|groepsleider|ועדה|ועדת|קבוצת מחקר"
    r"|חוקר ראשי|חוקרת ראשית"
)
LEADERSHIP = re.compile("|".join(f"(?:{words})" for words in _OFFICES.values()), re.IGNORECASE)
_EXCLUDED = re.compile(_NOT_OFFICES, re.IGNORECASE)


def names_leadership(title: str) -> str | None:
    """The words of office a title names ('Dean', 'Institutsleiterin'), or None when it names
    none, or names one only as part of something else (a committee's chair)."""
    if _EXCLUDED.search(title):
        return None
    found = LEADERSHIP.search(title)
    return found.group(0) if found else None
