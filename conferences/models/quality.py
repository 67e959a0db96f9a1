"""The data-quality report as a load leaves it: the checks' findings, stored once per load.

Derived, never edited: ``conferences.quality_store.rebuild_quality_report`` recomputes it from the figures
and sessions whenever data is loaded (``load_data``, ``generate_synthetic``), in the same transaction, so it
always describes the loaded data. Nothing stored is worded: the pages word each finding in the reader's
language by running its check again on the objects a run names.
"""

from django.db import models


class QualityRun(models.Model):
    """Consecutive findings of one check and status that one group of objects gives: a share's comparisons
    with its totals, a session's provincial figures against its regional totals, every pair of one figure
    reported several times (a million figures give millions of pairs, but only so many groups), or a
    single finding on sessions."""

    check_slug = models.CharField(max_length=30)
    status = models.CharField(max_length=20)
    rank = models.PositiveIntegerField()  # its first finding's place in the check's order (from 0)
    count = models.PositiveIntegerField()
    figures = models.JSONField(default=list)  # primary keys: what the check runs on again, in this order
    conferences = models.JSONField(default=list)
    # Of the findings with this status that the check gives on these objects (and, for a share, about it),
    # how many come before the run's: several findings about one session come from one run of its check.
    skip = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["check_slug", "rank"], name="qualityrun_check_rank")]

    def __str__(self):
        return f"{self.check_slug} {self.rank}+{self.count}: {self.status}"


class QualityCount(models.Model):
    """How many findings a check has of a status."""

    check_slug = models.CharField(max_length=30)
    status = models.CharField(max_length=20)
    count = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.check_slug} {self.status}: {self.count}"
