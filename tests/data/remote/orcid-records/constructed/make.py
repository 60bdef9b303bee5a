"""Builds the v3.0-shaped records in this folder from the real parts (see ../SOURCES.md).

Run from this folder: `python make.py`. Deterministic; the outputs are committed.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
RECORDS = HERE.parent
AFFILIATIONS = ("educations", "employments")
# ORCID's own documented sample of a distinction (ORCID/orcid-model @ 134882aa,
# src/main/resources/record_3.0/samples/read_samples/distinction-3.0.xml), as the JSON the
# public API gives for that XML; its placeholder values are kept verbatim.
SAMPLE_DISTINCTION = {
    "department-name": "department-name",
    "role-title": "role-title",
    "start-date": {"year": {"value": "1948"}, "month": {"value": "02"}, "day": {"value": "02"}},
    "end-date": {"year": {"value": "1948"}, "month": {"value": "02"}, "day": {"value": "02"}},
    "organization": {
        "name": "common:name",
        "address": {"city": "common:city", "region": "common:region", "country": "AF"},
        "disambiguated-organization": {
            "disambiguated-organization-identifier": "https://ror.org/021nxhr62",
            "disambiguation-source": "ROR",
        },
    },
    "url": {"value": "http://tempuri.org"},
    "put-code": 0,
    "visibility": "public",
}


def lower_enums(node):
    """v2.1's upper-case enums (PUBLIC, SELF, JOURNAL_ARTICLE, GRANT) as v3.0 writes them."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in ("visibility", "external-id-relationship", "type") and isinstance(value, str):
                value = value.lower().replace("_", "-")
            out[key] = lower_enums(value)
        return out
    if isinstance(node, list):
        return [lower_enums(item) for item in node]
    if isinstance(node, str):
        return node.replace("http://orcid.org/", "https://orcid.org/")
    return node


def v3_from_v2(record: dict) -> dict:
    record = lower_enums(record)
    activities = record["activities-summary"]
    for section in AFFILIATIONS:
        kind = section[:-1] + "-summary"
        flat = activities[section].pop(kind, [])
        activities[section]["affiliation-group"] = [
            {"external-ids": {"external-id": []}, "summaries": [{kind: s}]} for s in flat
        ]
    activities["distinctions"] = {
        "affiliation-group": [{"summaries": [{"distinction-summary": SAMPLE_DISTINCTION}]}]
    }
    return record


def main() -> None:
    v2 = json.loads((RECORDS / "v2" / "0000-0002-4110-3511.record.v2.1.json").read_text())
    out = HERE / "0000-0002-4110-3511.record.json"
    out.write_text(json.dumps(v3_from_v2(v2), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
