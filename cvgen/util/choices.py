"""One wording for "that name is not one of ours": the choices and the nearest ones."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

SIMILAR = 0.75  # 'modren' is 'modern' (0.83); 'elegant' is not 'grant' (0.67)


def unknown_choice(kind: str, name: str, choices: Iterable[str]) -> str:
    """ "unknown theme 'modren'; did you mean 'modern'? (choose from classic, compact, ...)"."""
    known = sorted(set(choices))
    by_case = {choice.lower(): choice for choice in known}
    close = difflib.get_close_matches(str(name).lower(), list(by_case), n=2, cutoff=SIMILAR)
    hint = f"; did you mean {' or '.join(repr(by_case[c]) for c in close)}?" if close else ""
    return f"unknown {kind} {name!r}{hint} (choose from {', '.join(known)})"
