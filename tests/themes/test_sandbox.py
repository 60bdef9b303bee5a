"""User templates are data (themes/sandbox.py): the escapes known for jinja2 fail with a located
message instead of running code, repetition is bounded, and a template file is read only if
it is a regular file of bounded size inside its folder."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import SecurityError

from cvgen.errors import CvgenError
from cvgen.model import CV
from cvgen.themes.sandbox import MAX_POWER_BITS, MAX_REPEAT, TemplateFolder, TemplateSandbox
from tests.support.deadline import deadline
from tests.support.projects import override_template
from tests.support.rendering import render

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


@pytest.mark.parametrize("payload", ESCAPES)
def test_known_escapes_fail_with_the_template_line(
    small_cv: CV, tmp_path: Path, monkeypatch, payload: str
) -> None:
    monkeypatch.chdir(tmp_path)
    override_template(tmp_path, "<header>\n" + payload.replace("MARKER", MARKER) + "\n</header>\n")
    with deadline(20), pytest.raises(CvgenError, match=r"header\.html:2: ") as caught:
        _render(small_cv, tmp_path)
    assert "Traceback" not in str(caught.value)
    assert not (tmp_path / MARKER).exists()


def test_what_a_template_may_do_still_works(small_cv: CV, tmp_path: Path) -> None:
    """Loops, filters, macros, namespaces, globals and the model's fields: all allowed."""
    override_template(
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


def test_the_sandbox_bounds_repetition_and_powers() -> None:
    sandbox = TemplateSandbox()
    assert sandbox.from_string("{{ 'ab' * 3 }}{{ 2 ** 10 }}").render() == "ababab1024"
    with pytest.raises(SecurityError, match="a repetition longer than"):
        sandbox.from_string("{{ 'x' * n }}").render(n=MAX_REPEAT + 1)
    with pytest.raises(SecurityError, match="a power larger than"):
        sandbox.from_string("{{ 10 ** n }}").render(n=MAX_POWER_BITS)
    with pytest.raises(SecurityError):
        sandbox.from_string("{{ x.append(1) }}").render(x=[])  # nothing can be changed


def test_a_template_folder_reads_only_its_own_regular_files(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "header.html").write_text("<header>{{ name }}</header>", "utf-8")
    (tmp_path / "secret.txt").write_text("key", "utf-8")
    os.symlink(tmp_path / "secret.txt", folder / "html" / "leak.html")
    environment = TemplateSandbox(loader=TemplateFolder(folder))
    assert environment.get_template("html/header.html").render(name="Ada") == "<header>Ada</header>"
    with pytest.raises(jinja2.TemplateError, match=r"leads out of .* through a symbolic link"):
        environment.get_template("html/leak.html")
    with pytest.raises(jinja2.TemplateNotFound):
        environment.get_template("html/missing.html")
