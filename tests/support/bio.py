"""The section order of each built-in funder's sketch."""

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
