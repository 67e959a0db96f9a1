"""The data-quality report as a load leaves it: every finding of the checks, stored once per load.

Derived, never edited: ``conferences.quality_store.rebuild_quality_report`` recomputes it from the figures
and sessions whenever data is loaded (``load_data``, ``generate_synthetic``), in the same transaction, so it
always describes the loaded data. A finding keeps no sentence (the page words it in the reader's language);
it keeps which check found it, its status, its place in the check's order, and the figures and sessions it
involves, in the order the check named them.
"""

from django.db import models


class QualityFinding(models.Model):
    check_slug = models.CharField(max_length=30)
    status = models.CharField(max_length=20)
    # 0, 1, 2 … within a check: the order of the page (inconsistencies first, then by the data's order).
    rank = models.PositiveIntegerField()
    figures = models.JSONField(default=list)  # primary keys, in the order the check names them
    conferences = models.JSONField(default=list)
    # Which of several findings with the same status and objects this is (a share that is both of the
    # annual plan and of a missing total is two "not checked" findings about one figure).
    occurrence = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["check_slug", "rank"], name="qualityfinding_check_rank")]
        indexes = [models.Index(fields=["check_slug", "status"], name="qualityfinding_check_status")]

    def __str__(self):
        return f"{self.check_slug} {self.rank}: {self.status}"
