"""RIS and MEDLINE (`cvgen filter --format ris|medline`, `-o x.ris|x.nbib`) re-read by readers
that are not cvgen's: rispy (the RIS library reference-manager tools use) and Biopython's
Bio.Medline (the parser of PubMed's MEDLINE format), with every title, author, year, venue,
DOI and PMID of the example; and the MEDLINE writer checked against a real PubMed record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import rispy
from Bio import Medline
from click.testing import CliRunner

from cvgen.cli import main
from cvgen.exports.medline import to_medline
from cvgen.exports.ris import TYPES, to_ris
from cvgen.exports.tagged import family_name, listed_authors
from cvgen.load.sources import Sources
from cvgen.model import CV, Author, Links, PubKind, Publication

SAMPLES = Path(__file__).parent.parent / "data" / "ris"


def filtered(sources: Sources, fmt: str, tmp_path: Path, suffix: str) -> str:
    out = tmp_path / f"list{suffix}"
    args = ["filter", "--cv", str(sources.cv), "--bib", str(sources.bib), "-o", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def dashes(text: str | None) -> str | None:
    return text.replace("–", "-") if text else text


def test_ris_of_the_example_is_reread_by_rispy(example_sources, example_cv: CV, tmp_path):
    records = rispy.loads(filtered(example_sources, "ris", tmp_path, ".ris"))
    pubs = example_cv.publications
    assert len(records) == len(pubs)
    by_title = {record["title"]: record for record in records}
    for pub in pubs:
        record = by_title[pub.title]
        assert record["type_of_reference"] == (
            "EDBOOK" if pub.kind is PubKind.BOOK and pub.edited else TYPES[pub.kind]
        )
        names = record.get("authors", []) or record.get("secondary_authors", [])
        assert [n.split(",")[0] for n in names] == [family_name(a) for a in listed_authors(pub)]
        assert record.get("year") == (None if pub.undated else str(pub.year))
        assert record.get("secondary_title") == pub.venue
        assert record.get("doi") == pub.links.doi
        assert record.get("accession_number") == pub.extra.get("pmid")
    assert {r["accession_number"] for r in records if "accession_number" in r} == {
        "34567890",
        "21876543",
    }


def test_medline_of_the_example_is_reread_by_biopython(example_sources, example_cv, tmp_path):
    text = filtered(example_sources, "medline", tmp_path, ".nbib")
    records = list(Medline.parse(io.StringIO(text)))
    pubs = example_cv.publications
    assert len(records) == len(pubs)
    by_title = {record["TI"]: record for record in records}
    for pub in pubs:
        record = by_title[pub.title]
        assert [n.split(",")[0] for n in record.get("FAU", [])] == [
            family_name(a) for a in listed_authors(pub)
        ]
        assert record.get("DP", "")[:4] == ("" if pub.undated else str(pub.year))
        if pub.kind in (PubKind.JOURNAL, PubKind.PREPRINT) and pub.venue:
            assert record["JT"] == pub.venue
        assert record.get("LID") == (f"{pub.links.doi} [doi]" if pub.links.doi else None)
        assert record.get("PMID") == pub.extra.get("pmid")
    benign = by_title["Benign Overfitting in Sparse Linear Models"]
    assert (benign["PMID"], benign["PMC"], benign["IS"]) == ("34567890", "PMC8456789", "0090-5364")
    assert benign["SO"] == (
        "The Annals of Statistics. 2021 Oct;49(5):2685-712. doi: 10.5555/21-AOS2063."
    )


def test_medline_writes_a_real_pubmed_record_as_pubmed_does():
    """The PubMed record of tests/data/ris (Fujiwara 2015), as a .bib entry would hold it, gives
    back PubMed's own TI, FAU, AU, DP, VI, IP, PG, LID, JT and SO."""
    real = next(Medline.parse(io.StringIO((SAMPLES / "medline_PMID25744111.nbib").read_text())))
    pub = Publication(
        key="fujiwara2015",
        entry_type="article",
        kind=PubKind.JOURNAL,
        title=real["TI"],
        authors=[Author(first="T", last="Fujiwara")],
        year=2015,
        month=5,
        venue="Public health",
        volume="129",
        number="5",
        pages="475–482",
        links=Links(doi="10.1016/j.puhe.2015.01.018"),
        extra={"pmid": "25744111"},
    )
    ours = next(Medline.parse(io.StringIO(to_medline([pub]))))
    for tag in ("PMID", "TI", "FAU", "AU", "DP", "VI", "IP", "PG", "JT"):
        assert ours[tag] == real[tag], tag
    assert real["LID"].startswith(ours["LID"])  # PubMed adds the publisher's [pii]
    assert ours["SO"] == "Public health. 2015 May;129(5):475-82. doi: 10.1016/j.puhe.2015.01.018."
    assert real["SO"].startswith("Public Health. 2015 May;129(5):475-82. doi: 10.1016/j.puhe")


@pytest.mark.parametrize("write", [to_ris, to_medline])
def test_a_value_with_line_breaks_stays_one_value(write):
    pub = Publication(
        key="k",
        entry_type="article",
        kind=PubKind.JOURNAL,
        title="Line one\nER  - \nTY  - JOUR",
        authors=[Author(first="Ann", last="Lee")],
        year=2020,
        venue="J",
        extra={"abstract": "a\n\nPMID- 1\nb", "pmid": "not a number"},
    )
    text = write([pub])
    if write is to_ris:
        records = rispy.loads(text)
        assert len(records) == 1 and records[0]["title"] == "Line one ER - TY - JOUR"
        assert "accession_number" not in records[0]
    else:
        records = list(Medline.parse(io.StringIO(text)))
        assert len(records) == 1 and records[0]["AB"] == "a PMID- 1 b"
        assert "PMID" not in records[0]


def test_the_real_ris_sample_is_what_rispy_reads():
    """The tolerant reading the notes describe: a full-phrase TY, VO for the volume."""
    (record,) = rispy.loads((SAMPLES / "rispy_example_utf_chars.ris").read_text(encoding="utf-8"))
    assert record["type_of_reference"] == "Journal Article"
    assert record["authors"][0].startswith("Dobrokhotova")
