"""`cvgen build`: every configured output from one load, rebuilding only what changed.

The inputs are loaded and validated once; each output is then a pure function of the CV, its
spec, cvgen's code and templates, and today's date (which decides 'present' and `last: N`).
The manifest in the output folder (see freshness.py) keeps, per file, a key of all of those and
the hash of what was written: an output is skipped only when both still match, so a changed
input, template or cvgen version rebuilds it, and so does a hand-edited or deleted file.
Outputs are independent, so they are rendered on a few threads; TeX runs in subprocesses,
which overlap well.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from cvgen.build.freshness import MANIFEST, Outcome, fingerprint, read_manifest
from cvgen.build.output_paths import refuse_unsafe_targets
from cvgen.build.plan import plan_for
from cvgen.build.request import Presentation, Request
from cvgen.compose import Settings
from cvgen.errors import CvgenError
from cvgen.files.atomic import remove_partial_writes, write_atomic
from cvgen.files.reading import digest
from cvgen.formats import BIO, BIO_FORMS, default_name, format_of_path, get_format
from cvgen.load.sources import Sources
from cvgen.model import CV, CvData, OutputSpec
from cvgen.select import PUBLICATION_SECTIONS, Selection
from cvgen.writers.pdf.writer import Typeset, page_count


@dataclass(frozen=True)
class Job:
    spec: OutputSpec
    path: Path
    index: int | None = None  # its place in cv.yaml's `outputs:`; None for a default output


def default_specs(data: CvData) -> list[OutputSpec]:
    """PDF, HTML and bio of the whole CV, and a PDF of each named variant."""
    specs = [OutputSpec(format="pdf"), OutputSpec(format="html"), OutputSpec(format="bio")]
    return specs + [OutputSpec(format="pdf", variant=name) for name in data.variants]


def plan(data: CvData, out_dir: Path) -> list[Job]:
    """The outputs cv.yaml asks for (or the defaults), each with its path; paths are unique."""
    jobs = []
    specs = list(enumerate(data.outputs)) or [(None, s) for s in default_specs(data)]
    for index, spec in specs:
        name = spec.path or default_name(spec.format, spec.variant)
        jobs.append(Job(spec, out_dir / name, index))
    paths = [job.path for job in jobs]
    clashes = sorted({str(p) for p in paths if paths.count(p) > 1})
    if clashes:
        raise CvgenError(f"outputs: two outputs write {', '.join(clashes)}; give each a `path`")
    return jobs


def _request(spec: OutputSpec, source_dir: Path) -> Request:
    """What an output of cv.yaml asks for: its variant, theme, language, paper, PDF engine and
    Word reference document (beside cv.yaml)."""
    reference = source_dir / spec.reference_docx if spec.reference_docx else None
    presentation = Presentation(
        theme=spec.theme,
        locale=spec.locale,
        paper=spec.paper,
        engine=spec.engine,
        reference_docx=reference,
    )
    return Request(Selection(variant=spec.variant), presentation)


def _render(cv: CV, job: Job, sources: Sources) -> tuple[str | bytes, list[str]]:
    """One output's content and its warnings; the CV is tailored to the job's request first."""
    spec = job.spec
    request = _request(spec, sources.cv.parent)
    if spec.format == BIO:
        return _bio(cv, job, request, sources)
    listing = get_format(spec.format).kind == "listing"
    plan = plan_for(cv, request, sources, PUBLICATION_SECTIONS if listing else None)
    content = plan.listing(spec.format) if listing else plan.render(spec.format)
    return content, [str(problem) for problem in plan.warnings]


def _bio(cv: CV, job: Job, request: Request, sources: Sources) -> tuple[str | bytes, list[str]]:
    """A short bio, in the form its path's suffix names (.txt, .md, .html, .tex, .docx)."""
    from cvgen.bio.markup import bio_text
    from cvgen.bio.shortbio import over_limit, short_bio

    spec = job.spec
    plan = plan_for(cv, request, sources, with_design=False)
    bio = short_bio(plan.cv, spec.person, spec.words)
    warnings = [*plan.warnings, *over_limit(bio, spec.words, str(sources.cv))]
    form = format_of_path(job.path, BIO_FORMS, "text")
    if form == "docx":
        from cvgen.bio.word import bio_docx

        content: str | bytes = bio_docx(bio.text, plan.cv.data.person.name, Settings().words)
    else:
        content = bio_text(bio.text, form)
    return content, [str(problem) for problem in warnings]


def _pages(content: str | bytes) -> int | None:
    """A PDF's page count (a Word file's pages are only known once Word lays it out)."""
    return page_count(content) if isinstance(content, Typeset) else None


def _name(job: Job, out_dir: Path) -> str:
    """The output's name inside the output folder, as the manifest records it."""
    return job.path.relative_to(out_dir).as_posix()


def _job_key(base: str, job: Job, source_dir: Path) -> str:
    """The build's fingerprint, the output's spec, and the reference document it reads."""
    key = hashlib.sha256((base + job.spec.model_dump_json()).encode())
    if job.spec.reference_docx:
        key.update(str(digest(source_dir / job.spec.reference_docx)).encode())
    return key.hexdigest()


def _references(jobs: list[Job], sources: Sources) -> tuple[Path, ...]:
    """The Word reference documents the outputs name, each inside the project."""
    named = (job.spec.reference_docx for job in jobs if job.spec.reference_docx)
    return tuple(sources.project.path(name, "outputs: reference_docx:") for name in named)


def _read_files(jobs: list[Job], source_dir: Path) -> dict[str, str | None]:
    """Files outputs read besides cv.yaml and the .bib (reference documents), with their hash,
    so an edited one makes the next build look again."""
    paths = {source_dir / job.spec.reference_docx for job in jobs if job.spec.reference_docx}
    return {str(path): digest(path) for path in sorted(paths)}


def _build_one(cv: CV, job: Job, sources: Sources) -> tuple[Outcome, dict | None]:
    started = time.perf_counter()
    try:
        content, warnings = _render(cv, job, sources)
        write_atomic(job.path, content)
    except CvgenError as error:
        return Outcome(job.path, "failed", error=error.format_message()), None
    seconds = time.perf_counter() - started
    outcome = Outcome(job.path, "built", seconds, _pages(content), warnings=tuple(warnings))
    data = content.encode("utf-8") if isinstance(content, str) else content
    return outcome, {"sha256": hashlib.sha256(data).hexdigest(), "pages": outcome.pages}


def _write_manifest(out_dir: Path, manifest: dict) -> Outcome | None:
    """Record the build; a failure (a full disk) is one more failed output, reported with the
    others rather than instead of them."""
    path = out_dir / MANIFEST
    try:
        write_atomic(path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    except CvgenError as error:
        return Outcome(path, "failed", error=error.format_message())
    return None


def build_all(
    cv: CV,
    sources: Sources,
    out_dir: Path,
    *,
    before: str | None,
    force: bool = False,
    on_start: Callable[[list[Job]], None] = lambda jobs: None,
) -> list[Outcome]:
    """Build every planned output of the CV loaded from `sources`; one Outcome per output.

    `before` is the inputs' fingerprint taken before `cv` was loaded (freshness.py's
    fingerprint_before_load). It is recorded only if the inputs still match it: after a save
    during the load, the outputs (built from what was read) are recorded as stale, so the next
    build rebuilds them instead of calling them up to date.
    """
    jobs = plan(cv.data, out_dir)
    bib = sources.bib_path(cv.data)
    references = _references(jobs, sources)
    targets = [(job.index, job.path) for job in jobs]
    refuse_unsafe_targets(targets, out_dir, sources, bib, references)
    for folder in {job.path.parent for job in jobs}:
        remove_partial_writes(folder)
    base = before if before is not None and before == fingerprint(sources, bib) else None
    recorded = {} if force else read_manifest(out_dir).get("outputs", {})
    outcomes: list[Outcome] = []
    todo: list[Job] = []
    for job in jobs:
        entry = recorded.get(_name(job, out_dir), {})
        fresh = base is not None and entry.get("key") == _job_key(base, job, sources.cv.parent)
        if fresh and entry.get("sha256") == digest(job.path):
            outcomes.append(Outcome(job.path, "unchanged", pages=entry.get("pages")))
        else:
            todo.append(job)
    on_start(todo)
    workers = max(1, min(len(todo), os.cpu_count() or 1, 4))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_build_one, cv, job, sources): job for job in todo}
        for future in as_completed(futures):
            outcome, record = future.result()
            outcomes.append(outcome)
            if record is not None:
                job = futures[future]
                key = _job_key(base, job, sources.cv.parent) if base is not None else None
                recorded[_name(job, out_dir)] = {"key": key, **record}
    manifest = {
        "fingerprint": base,
        "bib": str(bib),
        "inputs": _read_files(jobs, sources.cv.parent),
        "plan": [_name(job, out_dir) for job in jobs],
        "complete": base is not None and all(o.status != "failed" for o in outcomes),
        "outputs": recorded,
    }
    manifest_failure = _write_manifest(out_dir, manifest)
    order = {job.path: index for index, job in enumerate(jobs)}
    outcomes.sort(key=lambda o: order[o.path])
    return [*outcomes, manifest_failure] if manifest_failure else outcomes
