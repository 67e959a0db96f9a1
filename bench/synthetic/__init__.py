"""Synthetic figures for benchmarks: realistic in shape, seeded, and never mistaken for the real data.

Everything here but ``database`` is pure Python: given the reference data (groups, their member
provinces, the indicator vocabulary) and a seed, ``sessions`` plans the sessions and sources,
``texts`` makes up their names and what they say, ``values`` the figures' written values and periods,
``figures`` makes ``N`` figures as plain tuples and ``search`` their search columns. ``database``
writes them. The same seed and ``N`` always give the same rows.

The rows keep every rule the curated data keeps:

- a figure's ``value_as_written`` is in its quote, and ``parse_quantity`` reads it as exactly
  ``value`` in ``unit`` (every written value is parsed once, from a pool);
- the words just before the value carry the qualifier (``detect_qualifiers``), the growth, share, plan
  share and threshold phrases read as the stored percentages;
- ``period_label`` is in the quote and ``parse_period`` reads it as the stored dates;
- session numbers follow the years (session N is held in ``FIRST_YEAR + N - 1``), hosts rotate
  among the group's members, and each handover names the next session's host;
- the search columns are built from normalised pieces, equal to ``SearchableModel.search_columns()``
  (normalising text made of pieces joined at a non-letter gives the pieces' normal forms joined by
  a space, so each distinct piece is normalised once).
"""
