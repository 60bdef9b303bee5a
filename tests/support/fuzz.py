"""Hypothesis settings and strategies the fuzz tests share: bounded for CI, and a longer
campaign with CVGEN_FUZZ_EXAMPLES=5000."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def fuzz(default_examples: int) -> settings:
    """`default_examples` draws (CVGEN_FUZZ_EXAMPLES overrides), no deadline, slow draws fine."""
    examples = int(os.environ.get("CVGEN_FUZZ_EXAMPLES", str(default_examples)))
    return settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))


# Text that is hostile to both YAML and BibTeX: structure characters, escapes, RTL marks,
# combining marks, emoji, controls.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from([*"{}@,=\"#%\\$&_~^:-[]\n\t'!*|>", *"\u202e\u0301\U0001f600\x00"]),
        st.characters(codec="utf-8"),
    ),
    max_size=80,
)
ENTRY_TYPES = st.sampled_from(["article", "inproceedings", "misc", "patent", "book", "weird"])
