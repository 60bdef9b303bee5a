"""`cvgen serve` as a user runs it: it stops cleanly leaving no file, two run at once, it says
where it listens, and it costs nothing while nobody edits."""

from __future__ import annotations

import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.serve_latency import idle_cpu, serve_command
from tests.support.serving import events_request, example_project, request, wait_until


def port_of(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


def built(url: str) -> bool:
    status, _, body = request(port_of(url), "/state")
    return status == 200 and b'"building": false' in body and b'"pdf": "/cv/' in body


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_stops_cleanly_leaving_no_file(tmp_path: Path, stop: signal.Signals) -> None:
    cv = example_project(tmp_path / "project")
    temporary, cache = tmp_path / "tmp", tmp_path / "cache"
    temporary.mkdir()
    cache.mkdir()
    before = files_under(cv.parent)
    environment = {"TMPDIR": str(temporary), "CVGEN_CACHE_DIR": str(cache)}
    with serve_command(cv, "--port", "0", env=environment) as process:
        wait_until(lambda: built(process.url), timeout=60)
        process.send_signal(stop)
        assert process.wait(timeout=15) == 0
        errors = process.stderr.read()
    assert errors.rstrip().endswith("Stopped.") and "Traceback" not in errors
    assert files_under(cv.parent) == before
    assert files_under(temporary) == set()
    assert all(path.is_dir() for path in files_under(cache))  # the engines' work folder, empty


def test_two_projects_are_previewed_at_once(tmp_path: Path) -> None:
    names = ("Ada Example", "Grace Example")
    projects = []
    for name in names:
        cv = example_project(tmp_path / name.split()[0])
        text = cv.read_text(encoding="utf-8").replace("name: Miriam Adler-Katz", f"name: {name}")
        cv.write_text(text, encoding="utf-8")
        projects.append(cv)
    with serve_command(projects[0]) as first, serve_command(projects[1]) as second:
        assert first.url != second.url
        for process, name in zip((first, second), names, strict=True):
            wait_until(lambda process=process: built(process.url), timeout=60)
            _, _, state = request(port_of(process.url), "/state")
            html = state.split(b'"html": "')[1].split(b'"')[0].decode()
            assert name.encode() in request(port_of(process.url), html)[2]


def test_a_port_in_use_is_an_error_without_a_traceback(tmp_path: Path) -> None:
    cv = example_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "cvgen", "serve", "--cv", str(cv), "--port", str(port)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert f"Error: port {port} is in use" in run.stderr and "Traceback" not in run.stderr


def test_another_address_is_taken_with_a_warning(tmp_path: Path) -> None:
    cv = example_project(tmp_path)
    with serve_command(cv, "--host", "0.0.0.0", "--port", "0") as process:
        wait_until(lambda: built(process.url), timeout=60)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
        errors = process.stderr.read()
    assert "warning: listening on 0.0.0.0: anyone who can reach this machine" in errors


def test_open_shows_the_page_in_the_browser(tmp_path: Path) -> None:
    cv = example_project(tmp_path / "project")
    opened = tmp_path / "opened.txt"
    script = f"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])"
    browser = f"{shlex.quote(sys.executable)} -c {shlex.quote(script)} %s"
    with serve_command(cv, "--port", "0", "--open", env={"BROWSER": browser}) as process:
        wait_until(opened.exists, timeout=30)
        assert wait_until(opened.read_text) == process.url


def test_idle_it_costs_next_to_nothing(tmp_path: Path) -> None:
    """Once built, with a page's event stream open, under 2 % of a core over five seconds."""
    cv = example_project(tmp_path)
    with serve_command(cv, "--port", "0") as process:
        wait_until(lambda: built(process.url), timeout=60)
        with socket.create_connection(("127.0.0.1", port_of(process.url))) as stream:
            stream.sendall(events_request(port_of(process.url)))
            time.sleep(1.0)
            used = idle_cpu(process.pid, seconds=5.0)
    assert used < 0.1, f"{used:.3f} s of CPU in 5 s idle"
