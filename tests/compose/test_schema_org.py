"""The web page's schema.org data, read by a JSON-LD processor (pyld, the W3C JSON-LD 1.1
algorithms): expanded to full IRIs, each work has the type schema.org gives its kind and only
properties schema.org defines for that type, and where it appeared is said the way schema.org
says it (a Book's publisher, a Thesis's sourceOrganization, a preprint's server as publisher;
nothing is `isPartOf` a publisher, a university or an assignee)."""

from __future__ import annotations

import json

from pyld import jsonld

from cvgen.compose.schema_org import PERSON_ID, person_node, personal_nodes, schema_org, work_node
from cvgen.model import CV, PubKind

S = "https://schema.org/"
# schema.org's context maps every term into its vocabulary; offline, the processor gets that
# mapping from here instead of https://schema.org/docs/jsonldcontext.jsonld.
CONTEXT = {"@context": {"@vocab": S}}
# The properties each type has on schema.org (its own and those of CreativeWork / Thing) that
# cvgen uses: a property outside its type's list would be ignored by a reader.
CREATIVE_WORK = {
    "name", "author", "datePublished", "publisher", "isPartOf", "identifier", "url",
    "keywords", "sourceOrganization", "creativeWorkStatus",
}  # fmt: skip
PROPERTIES = {
    "ScholarlyArticle": CREATIVE_WORK,
    "Book": CREATIVE_WORK | {"isbn"},
    "Chapter": CREATIVE_WORK,
    "Thesis": CREATIVE_WORK | {"inSupportOf"},
    "Patent": CREATIVE_WORK,
    "Report": CREATIVE_WORK | {"reportNumber"},
}
EXPECTED_TYPE = {
    PubKind.JOURNAL: "ScholarlyArticle",
    PubKind.CONFERENCE: "ScholarlyArticle",
    PubKind.PREPRINT: "ScholarlyArticle",
    PubKind.OTHER: "ScholarlyArticle",
    PubKind.BOOK: "Book",
    PubKind.CHAPTER: "Chapter",
    PubKind.THESIS: "Thesis",
    PubKind.PATENT: "Patent",
    PubKind.REPORT: "Report",
}


def load_context(url: str, options: dict | None = None) -> dict:
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expanded(example_cv: CV) -> list[dict]:
    pubs = [p for p in example_cv.publications]
    data = json.loads(json.dumps(schema_org(example_cv.data, pubs)))
    graph = jsonld.expand(data, {"documentLoader": load_context})
    return [node for node in graph if f"{S}Person" not in node["@type"]], pubs


def local(node: dict) -> dict[str, object]:
    return {key.removeprefix(S): value for key, value in node.items() if key.startswith(S)}


def first(node: dict, name: str) -> dict:
    return node[f"{S}{name}"][0]


def test_every_work_has_its_kinds_type_and_only_that_types_properties(example_cv: CV):
    works, pubs = expanded(example_cv)
    assert len(works) == len(pubs)
    for node, pub in zip(works, pubs, strict=True):
        (kind,) = node["@type"]
        assert kind == S + EXPECTED_TYPE[pub.kind], pub.key
        assert set(local(node)) <= PROPERTIES[kind.removeprefix(S)], pub.key


def test_where_a_work_appeared_is_said_as_schema_org_says_it(example_cv: CV):
    works, pubs = expanded(example_cv)
    by_kind = {}
    for node, pub in zip(works, pubs, strict=True):
        by_kind.setdefault(pub.kind, []).append((node, pub))
    for node, _ in by_kind[PubKind.BOOK]:
        assert first(node, "publisher")["@type"] == [S + "Organization"]
        assert f"{S}isPartOf" not in node
    for node, pub in by_kind[PubKind.THESIS]:
        source = first(node, "sourceOrganization")
        assert source["@type"] == [S + "CollegeOrUniversity"]
        assert first(source, "name")["@value"] == pub.venue
        assert f"{S}isPartOf" not in node
    for node, _ in by_kind[PubKind.PATENT]:
        assert f"{S}isPartOf" not in node
        ids = [first(i, "propertyID")["@value"] for i in node[f"{S}identifier"]]
        assert "patent number" in ids
    for node, pub in by_kind[PubKind.PREPRINT]:
        if pub.venue or pub.links.arxiv:  # the server: arXiv, bioRxiv, ...
            assert first(node, "publisher")["@type"] == [S + "Organization"]
        assert first(node, "creativeWorkStatus")["@value"] == "Preprint"
        assert f"{S}isPartOf" not in node
    servers = {
        first(first(n, "publisher"), "name")["@value"]
        for n, _ in by_kind[PubKind.PREPRINT]
        if f"{S}publisher" in n
    }
    assert "arXiv" in servers
    for node, pub in by_kind[PubKind.JOURNAL]:
        assert first(node, "isPartOf")["@type"] == [S + "Periodical"]
        assert first(first(node, "isPartOf"), "name")["@value"] == pub.venue


def test_the_researchers_works_point_at_the_person_node(example_cv: CV):
    data = schema_org(example_cv.data, example_cv.publications)
    flat = jsonld.flatten(data, None, {"documentLoader": load_context, "base": "https://x.org/cv"})
    person = next(n for n in flat if n["@id"] == "https://x.org/cv#person")
    assert person["@type"] == [S + "Person"]
    authored = [n for n in flat if {"@id": person["@id"]} in n.get(f"{S}author", [])]
    assert len(authored) == len(example_cv.publications)


def test_the_person_node_names_the_researcher_and_her_affiliation(clinician_cv: CV) -> None:
    node = person_node(clinician_cv.data)
    assert (node["@type"], node["@id"], node["name"]) == ("Person", PERSON_ID, "Tamar Ben-Haim")
    assert node["affiliation"]["name"] == "Galilee Institute of Medicine"
    assert node["email"] == "mailto:tamar.benhaim@gim.example.ac.il"


def test_personal_details_are_data_only_when_asked(clinician_cv: CV, small_cv: CV) -> None:
    assert personal_nodes(clinician_cv.data.person) == {
        "birthDate": "1976-05-14",
        "birthPlace": {"@type": "Place", "name": "Haifa, Israel"},
        "nationality": [
            {"@type": "Country", "name": "Israel"},
            {"@type": "Country", "name": "Germany"},
        ],
    }
    asked = clinician_cv.data.design.personal_details_in_jsonld
    assert ("birthDate" in person_node(clinician_cv.data)) == asked
    assert "birthDate" not in person_node(small_cv.data)


def test_a_work_is_authored_by_the_person_where_it_is_hers(clinician_cv: CV) -> None:
    pub = clinician_cv.publications[0]
    node = work_node(pub)
    assert node["@type"] == "ScholarlyArticle" and node["name"] == pub.title
    assert {"@id": PERSON_ID} in node["author"]
    graph = schema_org(clinician_cv.data, clinician_cv.publications)
    assert graph["@context"] == "https://schema.org"
    assert graph["@graph"][0]["@type"] == "Person"
    assert len(graph["@graph"]) == 1 + len(clinician_cv.publications)
