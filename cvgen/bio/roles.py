"""Sentences of what one leads: the offices held (administrative posts) and the people
supervised, from the list of students or from the totals the researcher states."""

from __future__ import annotations

from cvgen.bio.context import Context
from cvgen.bio.english import join_list, number_word, sentence
from cvgen.bio.facts import Supervision


def _stated_supervision(record: Supervision) -> list[str]:
    """'supervised 40 PhD and 88 MSc students', 'mentored 5 postdoctoral researchers': the
    researcher's own totals (completed or not, so never 'to completion')."""
    levels = [
        (record.phd, "PhD"),
        (record.msc, "MSc"),
        (record.undergraduate, "undergraduate"),
    ]
    named = [f"{number_word(n)} {label}" for n, label in levels if n]
    done = []
    if named:
        total = sum(n for n, _ in levels)
        done.append(f"supervised {join_list(named)} {'student' if total == 1 else 'students'}")
    if record.postdoc:
        researchers = "researcher" if record.postdoc == 1 else "researchers"
        done.append(f"mentored {number_word(record.postdoc)} postdoctoral {researchers}")
    return done


def supervision(ctx: Context) -> list[str]:
    records: list[Supervision] = ctx.items("supervision")
    if not records:
        return []
    v, record = ctx.voice, records[0]
    if record.stated:
        body = f"{v.verb('have')} {' and '.join(_stated_supervision(record))}"
        return [sentence(f"{v.subj()} {body}"), sentence(f"to date, {v.subj()} {body}")]
    done = []
    if record.phd:
        students = "student" if record.phd == 1 else "students"
        done.append(f"supervised {number_word(record.phd)} PhD {students} to completion")
    if record.postdoc:
        researchers = "researcher" if record.postdoc == 1 else "researchers"
        done.append(f"mentored {number_word(record.postdoc)} postdoctoral {researchers}")
    placed = ctx.items("placement")
    tail = ""
    if placed:
        count = placed[0]
        total = record.phd + record.postdoc
        tail = (
            f", {number_word(count)} of whom now hold faculty positions"
            if count > 1
            else (
                ", who now holds a faculty position"
                if total == 1
                else ", one of whom now holds a faculty position"
            )
        )
    body = f"{v.verb('have')} {join_list(done)}{tail}"
    return [sentence(f"{v.subj()} {body}"), sentence(f"to date, {v.subj()} {body}")]
