"""User templates are data: the escapes known for jinja2 (server-side template injection
payloads) fail with a located message instead of running code, and a template file is read
only if it is a regular file of bounded size inside its folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from deadline import deadline
from rendering import render

from cvgen.errors import CvgenError
from cvgen.model import CV

MARKER = "cvgen-sandbox-breached"
ESCAPES = [
    # the review's payload: a function's globals reach the os module
    "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "{{ joiner.__init__.__globals__.os.system('touch MARKER') }}",
    "{{ namespace.__init__.__globals__.os.system('touch MARKER') }}",
    "{{ lipsum.__globals__['os'].system('touch MARKER') }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch MARKER') }}",
    # the classic walk from any object to every class: __class__, __mro__, __subclasses__
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cv.__class__.__init__.__globals__ }}",
    "{{ (cv|attr('__class__')).__mro__ }}",
    "{{ cv.model_dump.__func__.__globals__ }}",
    # format strings reach attributes without a dot in the template
    "{{ '{0.__class__.__mro__}'.format(cv) }}",
    "{{ '{x.__init__.__globals__}'.format_map({'x': cycler}) }}",
    "{{ '{a.__class__}'.format(a=person) }}",
    # the data must not change under the templates
    "{{ cv.publications.append(1) }}",
    "{{ person.links.update({'x': 'javascript:alert(1)'}) }}",
    # memory: repetition and powers are bounded
    "{{ 'x' * 10000000000 }}",
    "{{ [1] * 10000000000 }}",
    "{{ 2 ** 100000000 }}",
    "{{ range(10000000000)|list }}",
]


def _render(cv: CV, folder: Path) -> str:
    return render(cv, "html", source_dir=str(folder))


def _override(folder: Path, text: str, name: str = "header.html") -> Path:
    target = folder / "templates" / "html" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("payload", ESCAPES)
def test_known_escapes_fail_with_the_template_line(
    small_cv: CV, tmp_path: Path, monkeypatch, payload: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _override(tmp_path, "<header>\n" + payload.replace("MARKER", MARKER) + "\n</header>\n")
    with deadline(20), pytest.raises(CvgenError, match=r"header\.html:2: ") as caught:
        _render(small_cv, tmp_path)
    assert "Traceback" not in str(caught.value)
    assert not (tmp_path / MARKER).exists()


def test_what_a_template_may_do_still_works(small_cv: CV, tmp_path: Path) -> None:
    """Loops, filters, macros, namespaces, globals and the model's fields: all allowed."""
    _override(
        tmp_path,
        "{% set ns = namespace(count=0) %}{% for s in sections %}{% set ns.count = ns.count + 1 %}"
        "{% endfor %}<p class=n>{{ ns.count }} {{ header.name|upper }} "
        "{{ document.all_entries()|length }} {{ '%d-%s'|format(3, 'x') }} {{ 'ab' * 3 }} "
        "{{ header.name.split()|join('+') }} {{ furniture['contents'] }}</p>",
    )
    page = _render(small_cv, tmp_path)
    assert "JONAS ÅBERG" in page and "3-x ababab" in page and "Jonas+Åberg Sections" in page


def test_a_link_out_of_the_project_is_not_read(small_cv: CV, tmp_path_factory) -> None:
    project, home = tmp_path_factory.mktemp("cv"), tmp_path_factory.mktemp("home")
    secret = home / "id_rsa"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----")
    link = project / "templates" / "html" / "legend.html"
    link.parent.mkdir(parents=True)
    link.symlink_to(secret)
    with pytest.raises(CvgenError, match=r"leads out of .* through a symbolic link") as caught:
        _render(small_cv, project)
    assert "BEGIN OPENSSH" not in str(caught.value)


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "too large"])
def test_special_or_huge_template_files_are_refused(small_cv: CV, tmp_path: Path, kind: str):
    target = tmp_path / "templates" / "html" / "cv.css"
    target.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "/dev/zero":
        target.symlink_to("/dev/zero")
    else:
        with target.open("wb") as handle:
            handle.truncate(3 * 1024 * 1024)
    expected = {"fifo": "named pipe", "/dev/zero": "leads out of", "too large": "3.0 MB"}
    with deadline(10), pytest.raises(CvgenError, match=expected[kind]):
        _render(small_cv, tmp_path)


def _print(cv: CV, folder: Path) -> bytes:

    return render(cv, "weasyprint", source_dir=str(folder))


def test_weasyprint_embeds_files_of_the_cv_folder_only(small_cv: CV, tmp_path_factory) -> None:
    """`<link rel="attachment">` makes weasyprint embed a file in the PDF: from the CV's own
    folder it may, from anywhere else (a builder's secrets, in CI) it must not."""
    import io

    import pypdf

    folder, elsewhere = tmp_path_factory.mktemp("cv"), tmp_path_factory.mktemp("home")
    (folder / "data.csv").write_text("year,papers\n2020,3\n")
    (elsewhere / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----")
    links = "".join(
        f'<link rel="attachment" href="{uri}">'
        for uri in ("data.csv", (elsewhere / "id_rsa").as_uri(), "../" + elsewhere.name + "/id_rsa")
    )
    _override(folder, "<header>" + links + "</header>\n")
    pdf = pypdf.PdfReader(io.BytesIO(_print(small_cv, folder)))
    assert list(pdf.attachments) == ["data.csv"]


def test_a_pipe_in_the_cv_folder_does_not_stop_the_print(small_cv: CV, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "photo.png")
    _override(tmp_path, '<header><img src="photo.png"><img src="file:///dev/zero"></header>\n')
    with deadline(60):
        assert _print(small_cv, tmp_path).startswith(b"%PDF")
