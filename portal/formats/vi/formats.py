"""Vietnamese number grouping and short dates.

Django's ``vi`` locale sets "," for decimals and "." for thousands but leaves NUMBER_GROUPING unset
(0, no grouping), so 1404 would print as "1404". Vietnamese groups thousands: "1.404". Only what
differs is set here; everything else comes from Django's ``vi`` locale.
"""

NUMBER_GROUPING = 3
SHORT_DATE_FORMAT = "d/m/Y"  # Django's vi has d-m-Y; Vietnamese documents write 17/05/2024
