"""What weasyprint may fetch while printing (files/local_urls.py): data: URLs and regular
files inside the CV's folder, never a file outside it, never the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvgen.files.local_urls import LocalFiles
from cvgen.files.reading import UnreadableFile


@pytest.fixture
def cv_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cv"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "photo.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "secret.txt").write_text("not for the PDF")
    return folder


def test_a_file_of_the_cv_folder_is_served_with_its_type(cv_folder: Path) -> None:
    fetcher = LocalFiles(cv_folder.as_uri() + "/")
    response = fetcher.fetch((cv_folder / "img" / "photo.png").as_uri())
    assert response.read() == b"\x89PNG fake"
    assert response.headers["Content-Type"] == "image/png"


def test_a_file_outside_the_folder_is_refused_by_name(cv_folder: Path) -> None:
    fetcher = LocalFiles(cv_folder.as_uri() + "/")
    with pytest.raises(ValueError, match="outside the CV's folder"):
        fetcher.fetch((cv_folder.parent / "secret.txt").as_uri())
    with pytest.raises(ValueError, match="outside the CV's folder"):
        fetcher.fetch((cv_folder / ".." / "secret.txt").as_uri())


def test_without_a_local_base_no_file_is_served(cv_folder: Path) -> None:
    for base in (None, "https://example.org/cv.html"):
        with pytest.raises(ValueError, match="outside"):
            LocalFiles(base).fetch((cv_folder / "img" / "photo.png").as_uri())


def test_data_urls_are_served_and_the_network_is_not(cv_folder: Path) -> None:
    fetcher = LocalFiles(cv_folder.as_uri() + "/")
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/tracker.png")


def test_a_named_pipe_in_the_folder_is_not_read(cv_folder: Path) -> None:
    import os

    os.mkfifo(cv_folder / "pipe.png")
    with pytest.raises(UnreadableFile):
        LocalFiles(cv_folder.as_uri() + "/").fetch((cv_folder / "pipe.png").as_uri())
