"""Run cvgen over the corpus of real researchers' .bib files and check what it shows.

Why: cvgen's users bring .bib files written by every exporter and by hand; this measures, file
by file, what cvgen does with them against facts computed here *independently* of cvgen (this
script never imports cvgen: it runs the `cvgen` command and reads its JSON and stderr).

For each file in tests/data/realworld/bib/manifest.yaml it makes a temporary project
(cv.yaml with `person: {name: OWNER, name_variants: VARIANTS}` and the .bib) and runs

- fast, used for the metrics: `cvgen export document` strict (when that fails, again with
  `--skip-bad-entries`) and `cvgen filter --format json --skip-bad-entries` (structured
  author names);
- slower, only to catch tracebacks: `cvgen check`, `cvgen html`, `cvgen filter --format
  text`, `cvgen bio`, `cvgen latex`, all with `--skip-bad-entries`. By default they run on
  batches of 12 files pasted into one .bib (one cvgen start per command and batch), and a
  batch that fails is rerun file by file to name the file; `--slow each` runs them on every
  file, `--fast` not at all.

The expected facts come from the .bib alone: bibtexparser 2 splits entries, pylatexenc
decodes LaTeX, and the name splitting and owner matching below are this script's own.

Metrics (per file and in total)
-------------------------------
tracebacks        commands whose stderr contains "Traceback" or whose exit status is not 0/1.
produced nothing  files with entries where cvgen shows no entry (strict, and with
                  --skip-bad-entries).
shown / in file   entries in cvgen's document tree / @-entries in the file (those not on a line
                  commented out with %; @string/@preamble/@comment excluded; a duplicate key
                  counts once per occurrence). Strict: 0 shown when the strict run stops.
unexplained       entries of the file absent from the --skip-bad-entries tree whose key no
                  warning line names.
owner recall      among shown entries where the owner is an author or editor by this
                  script's matching, the share with a span marked `self` in cvgen's tree.
                  Matching: surname (any split of the owner's name or a variant, particles
                  included or not) compared accent- and case-folded without spaces, hyphens,
                  dots or apostrophes; given names compatible token by token (equal, one an
                  initial of the other, or one a prefix of the other: Alex/Alexander), run-
                  together initials (`LF`, `Oo, MM`) expanded; a name written given-last-first
                  the wrong way round (`Ross, Dunne`) counts as the owner ("swapped").
namesakes         entries where a `self` span is not the owner by the matching above, and
                  entries with more than one `self` span.
mangled names     authors in cvgen's structured output (`filter --format json`) whose name
                  holds `{ } \\ $ < >`, `family=`/`given=`, a mark (`*Beck`), a whole name
                  list or a "Surname, I." read as one surname, or a word (letters, folded) not
                  found in the decoded author field, or that read first/last swapped relative to
                  the independent parse. Listed alongside, not counted: author-count
                  differences and surnames split differently from the independent parse.
odd wording       entries whose shown text has "and et al.", a doubled full stop, a stray
                  space before punctuation, a comma before punctuation or empty parentheses.
markup leaks      entries whose shown text (title, venue, names) holds a `\\command`, a brace, a
                  `$...$`, an HTML tag (<b>, <i>, <math, <ASTROBJ>, <br>, ...), an entity
                  (&amp;, &#58;) or a Markdown link.
venue losses      entries with a venue (journal/journaltitle; booktitle; school/institution for
                  theses and reports; publisher for books and @misc) that is non-empty once
                  decoded and not only a status word, whose shown text lacks it (folded; all its
                  words present also counts; AAS journal macros such as \\apj accepted as the
                  abbreviation or the full name).
miscategorised    entries whose section/group differs from the type's category: article ->
                  journal (preprint when the journal is only a preprint server, or when there is
                  no journal but an eprint, a preprint DOI prefix or a server's URL/publisher;
                  no expectation for an article with neither), inproceedings /
                  conference -> conference, book -> book, incollection / inbook -> chapter,
                  (phd|masters)thesis / thesis -> thesis, techreport / report -> report, patent
                  and @misc with publisher Google Patents or "patent" in note/howpublished ->
                  patent, unpublished -> preprint. Other types have no expectation. Entries
                  cvgen files under a status group (submitted, in press, ...) count as matching.
warnings          warning lines cvgen prints for the file (--skip-bad-entries run; cv.yaml
                  warnings about the minimal test cv.yaml itself excluded).
collaboration     entries with more than 30 authors: shown in full (last author's surname in
                  the text) or capped.

Entries that name only a collaboration or end in "and others" without the owner are not the
owner's by this matching; a name list wrapped in one pair of braces ({A and B}) is read as the
list it means. The JSON output keeps, per file, the keys and texts behind every count.

Usage:
    python -m benchmarks.bib_corpus --cvgen /work/baseline/.venv/bin/cvgen \\
        --markdown out.md --json out.json [--files a.bib,b.bib] [--fast]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.bib_measure import FileResult, Outputs, measure

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "realworld" / "bib"
SELF_WARN_CV = re.compile(r"^cv\.yaml:")


# ----------------------------------------------------------------------------- cvgen runs
@dataclass
class Run:
    """One cvgen invocation."""

    args: list[str]
    rc: int
    stderr: str
    seconds: float

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr or self.rc not in (0, 1)

    def exception(self) -> str:
        """The last line of a traceback, or the exit status."""
        if "Traceback" in self.stderr:
            lines = [ln for ln in self.stderr.strip().splitlines() if ln.strip()]
            return lines[-1][:200] if lines else "Traceback"
        return f"exit status {self.rc}"


def run(cvgen: str, args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run cvgen; a timeout counts as a traceback-class failure (status 124)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run(
            [cvgen, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        return Run(args, p.returncode, p.stderr, time.monotonic() - t0)
    except subprocess.TimeoutExpired:
        return Run(args, 124, "timeout", time.monotonic() - t0)


def warning_lines(stderr: str) -> list[str]:
    """cvgen's warning lines about the .bib (not about the minimal test cv.yaml)."""
    return [ln for ln in stderr.splitlines() if ": warning:" in ln and not SELF_WARN_CV.match(ln)]


SLOW_COMMANDS = (
    ["check"],
    ["html", "-o", "cv.html"],
    ["filter", "--format", "text"],
    ["bio"],
    ["latex", "-o", "cv.tex"],
)


def project(d: Path, rec: dict[str, Any], bib_text: str) -> list[str]:
    """Write cv.yaml (the owner) and pubs.bib into d; the common command-line arguments."""
    cv = {"person": {"name": rec["owner"], "name_variants": rec.get("variants") or []}}
    (d / "cv.yaml").write_text(yaml.safe_dump(cv, allow_unicode=True), encoding="utf-8")
    (d / "pubs.bib").write_text(bib_text, encoding="utf-8")
    return ["--cv", "cv.yaml", "--bib", "pubs.bib"]


def slow_batches(
    recs: list[dict[str, Any]], results: list[FileResult], cvgen: str, cache: Path, size: int
) -> list[str]:
    """Run the traceback-only commands on batches of files pasted together (one cvgen start
    per command and batch instead of per file); a batch that fails is rerun file by file so
    the traceback is attributed. Returns tracebacks seen only in a batch, not in its files."""
    env = dict(os.environ, CVGEN_CACHE_DIR=str(cache), NO_COLOR="1")
    batch_only: list[str] = []
    for start in range(0, len(recs), size):
        chunk = list(range(start, min(start + size, len(recs))))
        text = "\n\n".join(
            (CORPUS / recs[i]["file"]).read_text(encoding="utf-8").lstrip("\ufeff") for i in chunk
        )
        with tempfile.TemporaryDirectory(prefix="bibcorpus-batch-") as tmp:
            d = Path(tmp)
            common = project(d, recs[chunk[0]], text)
            for extra in SLOW_COMMANDS:
                r = run(cvgen, [*extra, *common, "--skip-bad-entries"], d, env)
                if not r.traceback:
                    continue
                found = False
                for i in chunk:
                    with tempfile.TemporaryDirectory(prefix="bibcorpus-one-") as tmp1:
                        d1 = Path(tmp1)
                        bib = (CORPUS / recs[i]["file"]).read_text(encoding="utf-8")
                        c1 = project(d1, recs[i], bib)
                        r1 = run(cvgen, [*extra, *c1, "--skip-bad-entries"], d1, env)
                    results[i].seconds += r1.seconds
                    if r1.traceback:
                        found = True
                        results[i].tracebacks.append(f"{' '.join(extra[:1])}: {r1.exception()}")
                if not found:
                    names = ", ".join(recs[i]["file"] for i in chunk)
                    batch_only.append(f"{extra[0]} on [{names}]: {r.exception()}")
    return batch_only


def run_cvgen(rec: dict[str, Any], text: str, cvgen: str, slow: str, cache: Path) -> Outputs:
    """The cvgen commands on one manifest record, in a temporary project."""
    env = dict(os.environ, CVGEN_CACHE_DIR=str(cache), NO_COLOR="1")
    with tempfile.TemporaryDirectory(prefix="bibcorpus-") as tmp:
        d = Path(tmp)
        common = project(d, rec, text)
        runs = []
        strict = run(cvgen, ["export", "document", *common, "-o", "strict.json"], d, env)
        runs.append(strict)
        strict_doc = load_json(d / "strict.json") if strict.rc == 0 else None
        if strict_doc is not None:
            skip, skip_doc = strict, strict_doc
        else:
            skip = run(
                cvgen,
                ["export", "document", *common, "--skip-bad-entries", "-o", "skip.json"],
                d,
                env,
            )
            runs.append(skip)
            skip_doc = load_json(d / "skip.json") if skip.rc == 0 else None
        filt = run(
            cvgen,
            ["filter", *common, "--skip-bad-entries", "--format", "json", "-o", "filter.json"],
            d,
            env,
        )
        runs.append(filt)
        filt_doc = load_json(d / "filter.json") if filt.rc == 0 else None
        if slow == "each":
            for extra in SLOW_COMMANDS:
                runs.append(run(cvgen, [*extra, *common, "--skip-bad-entries"], d, env))
    strict_errors = [
        ln
        for ln in strict.stderr.splitlines()
        if ln.strip() and not SELF_WARN_CV.match(ln) and ": warning:" not in ln
    ][:50]
    return Outputs(
        strict_doc,
        skip_doc,
        filt_doc,
        strict_errors if strict.rc != 0 else [],
        [w.replace(str(d), "") for w in warning_lines(skip.stderr)],
        [f"{' '.join(r.args[:2])}: {r.exception()}" for r in runs if r.traceback],
        sum(r.seconds for r in runs),
    )


def check_file(rec: dict[str, Any], cvgen: str, slow: str, cache: Path) -> FileResult:
    """Run cvgen on one manifest record and compare with the independent reading."""
    text = (CORPUS / rec["file"]).read_text(encoding="utf-8")
    return measure(rec, text, run_cvgen(rec, text, cvgen, slow, cache))


def load_json(path: Path) -> Any:
    """JSON file or None."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# ----------------------------------------------------------------------------- reporting
def totals(results: list[FileResult]) -> dict[str, Any]:
    """Corpus totals of every metric."""
    t: dict[str, Any] = {
        "files": len(results),
        "entries_in_files": sum(r.in_file for r in results),
        "shown_strict": sum(r.shown_strict for r in results),
        "shown_skip": sum(r.shown_skip for r in results),
        "files_with_tracebacks": sum(1 for r in results if r.tracebacks),
        "tracebacks": sum(len(r.tracebacks) for r in results),
        "produced_nothing_strict": sum(r.produced_nothing_strict for r in results),
        "produced_nothing_skip": sum(r.produced_nothing_skip for r in results),
        "unexplained_omissions": sum(len(r.unexplained) for r in results),
        "owner_entries": sum(r.owner_entries for r in results),
        "owner_marked": sum(r.owner_marked for r in results),
        "swapped_owner_entries": sum(len(r.swapped_owner) for r in results),
        "namesakes_marked": sum(len(r.namesakes) for r in results),
        "entries_with_several_self": sum(len(r.multi_self) for r in results),
        "mangled_names": sum(len(r.mangled) for r in results),
        "author_count_differences": sum(len(r.author_count_diff) for r in results),
        "surname_split_differences": sum(len(r.surname_diff) for r in results),
        "markup_leaks": sum(len(r.leaks) for r in results),
        "odd_wording": sum(len(r.wording) for r in results),
        "venue_losses": sum(len(r.venue_losses) for r in results),
        "miscategorised": sum(len(r.miscat) for r in results),
        "warnings": sum(r.warnings for r in results),
        "collaboration_full": sum(r.collab_full for r in results),
        "collaboration_capped": sum(r.collab_capped for r in results),
        "checker_unparsed_entries": sum(r.checker_unparsed for r in results),
        "seconds": round(sum(r.seconds for r in results), 1),
    }
    t["owner_recall"] = (
        round(t["owner_marked"] / t["owner_entries"], 3) if t["owner_entries"] else None
    )
    return t


def markdown(results: list[FileResult], tot: dict[str, Any]) -> str:
    """A table per file and the totals."""
    head = (
        "| file | tool | in file | strict | skip | unexpl. | owner | namesake/multi | mangled "
        "| leaks | venue | miscat | warn | collab full/capped | tracebacks |"
    )
    rows = [head, "|" + "---|" * 15]
    for r in results:
        rows.append(
            f"| {r.file} | {r.tool} | {r.in_file} | {r.shown_strict} | {r.shown_skip} | "
            f"{len(r.unexplained)} | {r.owner_marked}/{r.owner_entries} | "
            f"{len(r.namesakes)}/{len(r.multi_self)} | {len(r.mangled)} | {len(r.leaks)} | "
            f"{len(r.venue_losses)} | {len(r.miscat)} | {r.warnings} | "
            f"{r.collab_full}/{r.collab_capped} | {len(r.tracebacks)} |"
        )
    lines = ["## Per file", "", *rows, "", "## Totals", ""]
    lines += [f"- {k}: {v}" for k, v in tot.items()]
    tb = Counter(t.split(": ", 1)[1] for r in results for t in r.tracebacks)
    if tb:
        lines += ["", "## Tracebacks by exception", ""]
        lines += [f"- {n} x {exc}" for exc, n in tb.most_common()]
    return "\n".join(lines) + "\n"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cvgen", default=shutil.which("cvgen") or "cvgen", help="cvgen executable")
    ap.add_argument("--files", default="", help="comma-separated file names from the manifest")
    ap.add_argument(
        "--markdown", metavar="FILE", help="write the Markdown report here ('-': stdout)"
    )
    ap.add_argument("--json", metavar="FILE", help="write the JSON summary (with details) here")
    ap.add_argument(
        "--slow",
        choices=["batch", "each", "none"],
        default="batch",
        help="traceback-only commands (check, html, filter text, bio, latex): on "
        "batches of files pasted together, reruning a failing batch file by file "
        "(default); on each file; or not at all",
    )
    ap.add_argument("--fast", action="store_true", help="same as --slow none")
    ap.add_argument("--batch", type=int, default=12, help="files per batch for --slow batch")
    return ap.parse_args(argv)


def _write(a: argparse.Namespace, results: list[FileResult], tot: dict[str, Any]) -> None:
    md = markdown(results, tot)
    if a.markdown == "-" or not (a.markdown or a.json):
        print(md)
    elif a.markdown:
        Path(a.markdown).write_text(md, encoding="utf-8")
    if a.json:
        files = [
            {
                **r.__dict__,
                "produced_nothing_strict": r.produced_nothing_strict,
                "produced_nothing_skip": r.produced_nothing_skip,
            }
            for r in results
        ]
        data = {"cvgen": a.cvgen, "totals": tot, "files": files}
        Path(a.json).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    a = _arguments(argv)
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    wanted = {f.strip() for f in a.files.split(",") if f.strip()}
    recs = [r for r in manifest if not wanted or r["file"] in wanted]
    if wanted - {r["file"] for r in recs}:
        print(f"not in the manifest: {sorted(wanted - {r['file'] for r in recs})}", file=sys.stderr)
        return 2
    results = []
    t_start = time.monotonic()
    slow = "none" if a.fast else a.slow
    with tempfile.TemporaryDirectory(prefix="bibcorpus-cache-") as cache:
        for i, rec in enumerate(recs, 1):
            r = check_file(rec, a.cvgen, slow, Path(cache))
            results.append(r)
            print(
                f"[{i}/{len(recs)}] {r.file}: shown {r.shown_skip}/{r.in_file}, "
                f"owner {r.owner_marked}/{r.owner_entries}, tracebacks {len(r.tracebacks)}",
                file=sys.stderr,
            )
        batch_only = (
            slow_batches(recs, results, a.cvgen, Path(cache), a.batch) if slow == "batch" else []
        )
    tot = totals(results)
    tot["batch_only_tracebacks"] = batch_only
    tot["wall_seconds"] = round(time.monotonic() - t_start, 1)
    tot["slow_commands"] = slow
    _write(a, results, tot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
