"""English date formats for a Vietnamese audience: day before month, never the ambiguous 05/06/2024."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
