"""New keys in the file's style (remote/keys.py), never clashing."""

from __future__ import annotations

import pytest

from cvgen.model import Author, PubKind, Publication
from cvgen.remote.keys import DBLP_STYLE, DEFAULT_STYLE, KeyMaker, detect_style


@pytest.mark.parametrize(
    ("keys", "style", "new_key"),
    [
        (["adlerkatz2021implicit", "qiao2023sharpness"], DEFAULT_STYLE, "adlerkatz2024federated"),
        (["AdlerKatz:2021", "Qiao:2023"], "{Surname}:{year}", "AdlerKatz:2024"),
        (["AdlerKatz2021", "Qiao2023b"], "{Surname}{year}", "AdlerKatz2024"),
        (["adler21", "qiao23"], "{surname}{yy}", "adlerkatz24"),
        (["Adler_Katz_2021", "Qiao_2023"], "{Surname}_{year}", "Adler_Katz_2024"),
        (["DBLP:journals/jmlr/Adler-KatzH21", "DBLP:x"], DBLP_STYLE, "DBLP:conf/icml/A24"),
        (["paper1", "paper2"], DEFAULT_STYLE, "adlerkatz2024federated"),
    ],
)
def test_new_keys_follow_the_files_style(keys, style, new_key):
    lasts = ["Adler-Katz", "Qiao"]
    existing = [
        pub(key, "Implicit Bias of Mirror Descent", year, last)
        for key, year, last in zip(keys, (2021, 2023), lasts, strict=True)
    ]
    if style == "{surname}{yy}":
        existing = [pub("adler21", "X", 2021, "Adler"), pub("qiao23", "Y", 2023, "Qiao")]
    assert detect_style(existing) == style
    maker = KeyMaker(style, keys)
    new = pub("new", "On Federated Optimisation", 2024)
    assert maker.key_for(new, native_key="DBLP:conf/icml/A24") == new_key


def test_one_entry_shows_no_style():
    assert detect_style([pub("Adler2021", "Implicit Bias", 2021)]) == DEFAULT_STYLE
    assert detect_style([]) == DEFAULT_STYLE


def test_keys_never_clash():
    maker = KeyMaker(DEFAULT_STYLE, ["adlerkatz2024federated"])
    new = pub("new", "Federated Optimisation", 2024)
    assert [maker.key_for(new) for _ in range(3)] == [
        "adlerkatz2024federateda",
        "adlerkatz2024federatedb",
        "adlerkatz2024federatedc",
    ]


def pub(key: str, title: str, year: int, last: str = "Adler-Katz", **fields) -> Publication:
    return Publication(
        key=key,
        entry_type=fields.pop("entry_type", "article"),
        kind=fields.pop("kind", PubKind.JOURNAL),
        title=title,
        authors=[Author(first="Miriam", last=last)],
        year=year,
        venue="Journal",
        **fields,
    )
