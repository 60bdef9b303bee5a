"""Appending to the .bib (remote/bibfile.py) leaves every existing byte."""

from __future__ import annotations

import pytest

from cvgen.remote.bibfile import appended


@pytest.mark.parametrize(
    ("raw", "result"),
    [
        (b"", b"@x{k}\n"),
        (b"% end", b"% end\n\n@x{k}\n"),
        (b"@a{b}\n", b"@a{b}\n\n@x{k}\n"),
        (b"@a{b}\n\n", b"@a{b}\n\n@x{k}\n"),
        (b"@a{b}\r\n", b"@a{b}\r\n\r\n@x{k}\r\n"),
    ],
)
def test_appending_leaves_every_existing_byte(raw, result):
    assert appended(raw, "@x{k}\n") == result
