"""The Word writer: read back with python-docx, the .docx has the tree's structure in Word's terms.

Headings in Word's heading styles, publications as numbered paragraphs showing the tree's
numbers (per type, continuous, counting down, or none), marks as character styles, the grants
as a table with its totals, links as hyperlinks, document properties, page fields, paper,
right-to-left paragraphs, themes' Word styles and reference documents.
"""

from __future__ import annotations

from cvgen.writers import WriteOptions
from cvgen.writers.docx.theme import word_theme
from cvgen.writers.docx.writer import word_theme_for


def test_classic_is_the_theme_without_a_folder() -> None:
    assert word_theme_for(WriteOptions()).styles == word_theme().styles
    assert word_theme().colour("accent") == "#1c4d85"
