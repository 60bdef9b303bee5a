"""The root of cv.yaml (CvData) and the whole career with its publications (CV)."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    model_validator,
)

from cvgen.model.base import NonEmpty, Strict
from cvgen.model.career import (
    Appointment,
    Award,
    Degree,
    Grant,
    Press,
    Service,
    Student,
    StudentCounts,
    Talk,
    Teaching,
)
from cvgen.model.credentials import Certification, Membership
from cvgen.model.custom import CustomSection
from cvgen.model.design import (
    ADOPTED_SECTIONS,
    SECTION_NAMES,
    Design,
    OutputFormat,
    OutputSpec,
    PublicationsConfig,
    SectionList,
    Variant,
    custom_ids,
    unknown_section_message,
)
from cvgen.model.person import Person
from cvgen.model.publications import Publication
from cvgen.model.sites import SiteConfig
from cvgen.model.text import Text


def _bare_format(value: object) -> object:
    """`- pdf` in `outputs:` is short for `- {format: pdf}`."""
    return {"format": value} if isinstance(value, str) else value


class CvData(Strict):
    """Everything cv.yaml holds; the root of its JSON Schema."""

    person: Person
    bio: Text | None = Field(
        default=None, description="A handwritten bio, used as is by cvgen bio."
    )
    research_interests: list[Text] = Field(default_factory=list)
    research_statement: Text | None = None
    short_names: dict[NonEmpty, NonEmpty] = Field(
        default_factory=dict,
        description="Short forms of institutions' names, used after the first mention (bios): "
        "{full name: short form}.",
        examples=[{"Technion – Israel Institute of Technology": "the Technion"}],
    )
    education: list[Degree] = Field(default_factory=list)
    certifications: list[Certification] = Field(
        default_factory=list,
        description="Board certifications, licences and professional qualifications: name, "
        "issuer, date, end, identifier, note.",
    )
    appointments: list[Appointment] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    grants: list[Grant] = Field(default_factory=list)
    students: list[Student] = Field(default_factory=list)
    student_counts: StudentCounts | None = Field(
        default=None,
        description="How many you have supervised in all, as you count them (students listed "
        "or not): printed as one sentence at the head of Supervision, used by the bio.",
        examples=[{"phd": 40, "msc": 88, "postdoc": 5, "undergraduate": 30}],
    )
    teaching: list[Teaching] = Field(default_factory=list)
    service: list[Service] = Field(default_factory=list)
    memberships: list[Membership] = Field(
        default_factory=list,
        description="Memberships of professional bodies, societies and academies: "
        "organization, role, start, end, note.",
    )
    talks: list[Talk] = Field(default_factory=list)
    press: list[Press] = Field(default_factory=list)
    custom: Annotated[dict[str, CustomSection], AfterValidator(custom_ids)] = Field(
        default_factory=dict,
        description="Sections of your own, by id: {memberships: {heading: Professional "
        "Memberships, entries: [...]}}; list the id in `sections:` to place it.",
    )
    publications: PublicationsConfig = Field(default_factory=PublicationsConfig)
    sections: SectionList = Field(
        default_factory=list,
        description="Section order for the CV: built-in names and custom sections' ids.",
    )
    variants: dict[str, Variant] = Field(default_factory=dict)
    design: Design = Field(default_factory=Design)
    site: SiteConfig = Field(
        default_factory=SiteConfig,
        description="Your website's publication data: `cvgen export jekyll`, `hugo`, "
        "`al-folio` and `academicpages`.",
    )
    outputs: list[
        Annotated[
            OutputSpec,
            BeforeValidator(_bare_format, json_schema_input_type=OutputSpec | OutputFormat),
        ]
    ] = Field(
        default_factory=list,
        description="What `cvgen build` writes [default: pdf, html and bio, plus a pdf per "
        "variant].",
    )

    @property
    def section_order(self) -> list[str]:
        """The sections a CV shows, in order: `sections:` if given, else the built-in order
        (personal details only when design.personal_details asks) and the custom sections."""
        shown = [
            n for n in SECTION_NAMES if n != "personal_details" or self.design.personal_details
        ]
        return list(dict.fromkeys(self.sections or [*shown, *self.custom]))

    @model_validator(mode="after")
    def _variants_name_known_sections(self) -> CvData:
        for name, variant in self.variants.items():
            for index, section in enumerate(variant.sections):
                message = unknown_section_message(section, self.custom)
                if message:
                    raise ValueError(f"variants.{name}.sections[{index}]: {message}")
        return self

    @model_validator(mode="after")
    def _adopted_sections_given_once(self) -> CvData:
        for name in ADOPTED_SECTIONS:
            if name in self.custom and getattr(self, name):
                raise ValueError(
                    f"custom.{name}: {name}: holds the same section; move these entries to "
                    f"{name}: and remove custom.{name}"
                )
        return self

    @model_validator(mode="after")
    def _outputs_name_known_variants(self) -> CvData:
        for spec in self.outputs:
            variant = spec.variant
            if variant is not None and variant not in self.variants:
                known = ", ".join(self.variants) or "none defined"
                raise ValueError(f"outputs: variant {variant!r} is not in variants ({known})")
        return self


class CV(Strict):
    """The whole career: cv.yaml data plus the publications, with author roles resolved."""

    data: CvData
    publications: list[Publication] = Field(default_factory=list)
