"""What weasyprint may fetch while it prints the HTML CV: files in the CV's folder, and data:.

A user template is data, yet HTML can name any file: `<img src="file:///...">`, a CSS
`url(...)`, or `<link rel="attachment" href="file:///home/ci/.ssh/id_rsa">`, which weasyprint
embeds in the PDF. Built from someone else's repository in CI and published, that PDF would
carry the builder's secrets. So file: URLs are served only from inside the folder holding
cv.yaml, as regular files of bounded size (a named pipe there would block the print), and
nothing is fetched from the network.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from cvgen.files.project import escape
from cvgen.files.reading import MB, Limit, read_bytes

MAX_RESOURCE = Limit(20 * MB, "an image for a CV is far smaller: is this the right file?")


def _path(url: str) -> Path:
    return Path(os.path.normpath(url2pathname(urlsplit(url).path)))


class LocalFiles(URLFetcher):
    """A weasyprint URL fetcher for data: URLs and the regular files inside the folder of
    `base_url` (a file: URL, as weasyprint's own base_url), none when there is none: not a
    link out of it, not a hidden file (.git/config holds CI's token)."""

    def __init__(self, base_url: str | None) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        local = base_url is not None and base_url.lower().startswith("file:")
        self.folder = _path(base_url) if local else None

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if not url.lower().startswith("file:"):
            return super().fetch(url, headers)
        path = _path(url)
        reason = escape(path, self.folder) if self.folder is not None else "has no CV folder"
        if reason:
            raise ValueError(f"{path} {reason}; cvgen does not read it")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = read_bytes(path, MAX_RESOURCE)  # UnreadableFile: weasyprint skips the resource
        return URLFetcherResponse(url, body, {"Content-Type": kind})
