"""Biosketch profiles: funder order, what feeds each section, and every limit's message."""

from __future__ import annotations

ORDER = {
    "nsf": [
        "Identifying Information",
        "Professional Preparation",
        "Appointments and Positions",
        "Products",
    ],
    "nih": [
        "Identifying Information",
        "Professional Preparation",
        "Appointments and Positions",
        "Products",
        "Personal Statement",
        "Honors",
        "Contributions to Science",
    ],
    "erc": [
        "Personal Details",
        "Education and Key Qualifications",
        "Current and Previous Positions",
        "Research Achievements",
        "Peer Recognition",
        "Additional Information",
    ],
}
