"""Short bios and funders' biosketches (`cvgen bio`).

shortbio.py fits a generated bio to a word limit from ranked facts (facts.py, ranking.py)
composed into prose (compose.py, english.py, voice.py); profile.py loads a funder's
structure from YAML (profiles/), feeds.py fills its sections, sketch.py checks its limits,
and markup.py / pdf.py print it.
"""
