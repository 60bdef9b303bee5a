"""Synthetic researchers of any size, for benchmarks: realistic BibTeX (macros, accents,
annotations, tags, equal contribution, students) so timings reflect real files.

    python -m benchmarks.synthetic OUTDIR 1000
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from cvgen.load.sources import Sources

SURNAMES = [
    "Adler-Katz",
    'M{\\"u}ller',
    "Lef{\\`e}vre",
    "Okafor",
    "Qiao",
    "Subramanian",
    "Nakamura",
    "Fran{\\c{c}}ois",
    "Wi{\\'{s}}niewski",
    "Rahman",
    "O'Sullivan",
    "Garc{\\'\\i}a",
    "Kowalski",
    "Haddad",
    "Berg",
    "van der Berg",
    "Nguyen",
    "Rossi",
    "Dubois",
    "Ivanova",
]
GIVEN = ["Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas"]
WORDS = (
    "implicit bias gradient descent sparse recovery robust optimisation federated learning "
    "stochastic convex minimax duality kernel regression bandits privacy transformers "
    "{B}ayesian {SGD} $\\ell_1$ 50\\% \\& calibration shift margin"
).split()
VENUES = {
    "article": ("journal", ["jmlr", "{SIAM Journal on Optimization}", "{Annals of Statistics}"]),
    "inproceedings": ("booktitle", ["neurips", "icml", "{Proceedings of AISTATS}"]),
    "misc": ("howpublished", ["{arXiv preprint}"]),
}
STUDENTS = [("Student", f"S{i:02d}", 2005 + i % 18) for i in range(20)]


def _entry(index: int, rng: random.Random) -> str:
    entry_type = rng.choice(["article", "inproceedings", "inproceedings", "misc"])
    field, venues = VENUES[entry_type]
    year = rng.randint(2006, 2026)
    authors = [f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 5))]
    student = STUDENTS[index % len(STUDENTS)]
    authors.insert(rng.randint(0, len(authors)), f"{student[0]}, {student[1]}")
    authors.insert(rng.randint(0, len(authors)), "Adler-Katz, Miriam")
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize()
    lines = [
        f"@{entry_type}{{syn{index},",
        f"  author = {{{' and '.join(authors)}}},",
        f"  title = {{{title}}},",
        f"  {field} = {rng.choice(venues)},",
        f"  year = {{{year}}}, month = {rng.choice(['jan', 'jun', 'dec'])},",
        f"  pages = {{{index}--{index + 12}}},",
        f"  doi = {{10.5555/syn.{index}}},",
    ]
    if index % 7 == 0:
        lines.append("  author+an = {1=equal; 2=equal},")
    if index % 5 == 0:
        lines.append("  keywords = {erc, selected},")
    if index % 9 == 0:
        lines.append("  presentation = {Oral}, acceptance = {1.5\\%},")
    if entry_type == "misc":
        lines.append(f"  eprint = {{2401.{index:05d}}}, archiveprefix = {{arXiv}},")
    return "\n".join([*lines, "}"])


def synthetic_bib(publications: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    header = [
        '@string{jmlr = "Journal of Machine Learning Research"}',
        '@string{neurips = "Advances in Neural Information Processing Systems"}',
        '@string{icml = "Proceedings of the International Conference on Machine Learning"}',
    ]
    return "\n\n".join([*header, *(_entry(i, rng) for i in range(publications))]) + "\n"


def synthetic_yaml() -> str:
    students = "\n".join(
        f"  - {{name: {first} {last}, level: phd, status: completed, start: {start}, "
        f"end: {start + 4}, thesis: Thesis {last}}}"
        for first, last, start in ((s[1], s[0], s[2]) for s in STUDENTS)
    )
    return f"""person:
  name: Miriam Adler-Katz
  position: Professor
  affiliation: Northbridge Institute of Technology
  email: m.adler-katz@example.edu
research_interests: [Optimisation, Learning theory]
education:
  - {{degree: PhD, institution: Example University, start: 2005, end: 2010}}
appointments:
  - {{title: Professor, institution: Northbridge Institute, start: 2015, end: present}}
grants:
  - {{title: Big grant, funder: ERC, amount: 1500000, currency: EUR, start: 2019, role: PI}}
students:
{students}
"""


def write_synthetic(directory: Path, publications: int) -> Sources:
    """Write cv.yaml and publications.bib for a researcher with `publications` entries."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "cv.yaml").write_text(synthetic_yaml(), encoding="utf-8")
    (directory / "publications.bib").write_text(synthetic_bib(publications), encoding="utf-8")
    return Sources(cv=directory / "cv.yaml", bib=directory / "publications.bib")


if __name__ == "__main__":
    write_synthetic(Path(sys.argv[1]), int(sys.argv[2]))
