"""What weasyprint may fetch while printing (files/local_urls.py): regular files of the CV's
folder, never a hidden one (`<link rel="attachment" href=".git/config">` would publish CI's
token inside the PDF), never one a link leads out to, never the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cvgen.files.local_urls import LocalFiles
from cvgen.files.reading import UnreadableFile


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    cv = tmp_path / "cv"
    (cv / ".git").mkdir(parents=True)
    (cv / ".git" / "config").write_text("[http] extraheader = AUTHORIZATION: basic c2VjcmV0\n")
    (cv / ".env").write_text("TOKEN=abc\n")
    (cv / "data.csv").write_text("year,papers\n2020,3\n")
    (tmp_path / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (cv / "key").symlink_to(tmp_path / "id_rsa")
    (cv / "pics").symlink_to(tmp_path, target_is_directory=True)
    return cv


def test_files_of_the_cv_folder_are_served(folder: Path) -> None:
    fetcher = LocalFiles(folder.as_uri() + "/")
    assert fetcher.fetch((folder / "data.csv").as_uri()).read().startswith(b"year")


@pytest.mark.parametrize(
    ("name", "expected"),
    [(".git/config", "hidden"), (".env", "hidden"), ("key", "leads out of"),
     ("pics/id_rsa", "leads out of"), ("../id_rsa", "leads out of"), ("sub/../.env", "hidden")],
)  # fmt: skip
def test_hidden_files_and_links_out_are_not(folder: Path, name: str, expected: str) -> None:
    fetcher = LocalFiles(folder.as_uri() + "/")
    with pytest.raises(ValueError, match=expected):
        fetcher.fetch(folder.as_uri() + "/" + name)


def test_nothing_is_fetched_from_the_network(folder: Path) -> None:
    fetcher = LocalFiles(folder.as_uri() + "/")
    for url in ("http://127.0.0.1:9/x.png", "https://example.org/tracker.gif", "ftp://x/y"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_without_a_local_base_no_file_is_served(folder: Path) -> None:
    for base in (None, "https://example.org/cv.html"):
        with pytest.raises(ValueError, match=r"outside|has no CV folder"):
            LocalFiles(base).fetch((folder / "data.csv").as_uri())


def test_data_urls_are_served(folder: Path) -> None:
    assert LocalFiles(folder.as_uri() + "/").fetch("data:text/plain,hello").read() == b"hello"


def test_a_named_pipe_in_the_folder_is_not_read(folder: Path) -> None:
    os.mkfifo(folder / "pipe.png")
    with pytest.raises(UnreadableFile):
        LocalFiles(folder.as_uri() + "/").fetch((folder / "pipe.png").as_uri())
