"""schema.org data for the web page (compose/schema_org.py): the researcher and the works."""

from __future__ import annotations

from cvgen.compose.schema_org import PERSON_ID, person_node, personal_nodes, schema_org, work_node
from cvgen.model import CV


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
