import hashlib
import json
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from conferences import signals
from conferences.figure_count_rebuild import rebuild_figure_counts
from conferences.models import (
    Conference,
    ConferenceMention,
    ConferenceOfficial,
    Dataset,
    FigureCount,
    Indicator,
    IndicatorReport,
    MembershipStatement,
    QualityCount,
    QualityRun,
    Source,
)
from conferences.quality_store import rebuild_quality_report
from conferences.table_statistics import analyse, vacuum
from listings.search import refresh_search_columns
from regions.models import Province, Region, RegionMembership

FIXTURES = ("regions.json", "conferences.json")
# Children before parents, so that protected foreign keys never block the replacement.
REPLACED_MODELS = (
    MembershipStatement,
    IndicatorReport,
    ConferenceOfficial,
    ConferenceMention,
    Conference,
    Source,
    Indicator,
    RegionMembership,
    Province,
    Region,
)

# Every table a load rewrites: their planner statistics are renewed with the data (``table_statistics``).
REWRITTEN_MODELS = (*REPLACED_MODELS, FigureCount, QualityRun, QualityCount, Dataset)

SEARCHABLE_MODELS = (Region, Province, Source, Conference, ConferenceOfficial, Indicator, IndicatorReport)


class Command(BaseCommand):
    help = (
        "Replace the portal's data with the fixtures, in one transaction: either all of the new data "
        "is loaded, or none of it and the previous data stays as it was. Does nothing when the same "
        "fixtures are already loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Load and check, then roll back.")
        parser.add_argument("--force", action="store_true", help="Reload even when this version is loaded.")
        parser.add_argument(
            "--fixtures-dir", type=Path, default=None, help="Load from this folder instead of the project's fixtures/."
        )

    def handle(self, *args, dry_run, force, fixtures_dir, **options):
        paths = [(fixtures_dir or settings.FIXTURE_DIRS[0]) / name for name in FIXTURES]
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"Missing fixture file(s): {', '.join(missing)}. Run `python manage.py build_fixtures`.")
        version = _version(paths)
        current = Dataset.objects.current()
        if current and current.version == version and not force and not dry_run:
            self.stdout.write(f"Data version {version[:12]} is already loaded.")
            return
        try:
            with transaction.atomic():
                conferences, figures = self._replace(paths, version)
                if dry_run:
                    transaction.set_rollback(True)
        except (DeserializationError, DatabaseError, ValidationError, CommandError) as exc:
            raise CommandError(f"The data was not loaded, and the previous data is unchanged.\n{exc}") from None
        if not dry_run:
            try:
                vacuum(REWRITTEN_MODELS)
            except DatabaseError as exc:  # the data is loaded; autovacuum will come round
                self.stderr.write(f"The data is loaded, but VACUUM failed: {exc}")
        verb = "Checked, then rolled back," if dry_run else "Loaded"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} data version {version[:12]}: {conferences} conferences, {figures} figures.")
        )

    def _replace(self, paths, version):
        with signals.muted():  # a load sets the counts and the version itself, below
            for model in REPLACED_MODELS:
                if model is Province:
                    model.objects.filter(successor__isnull=False).delete()  # predecessors protect successors
                model.objects.all().delete()
            call_command("loaddata", *[str(path) for path in paths], verbosity=0)
        _check_every_object_loaded(paths)
        for model in SEARCHABLE_MODELS:
            refresh_search_columns(model)
        rebuild_figure_counts()
        rebuild_quality_report()
        Dataset.objects.all().delete()
        Dataset.objects.create(version=version, loaded_at=timezone.now())
        analyse(REWRITTEN_MODELS)
        return Conference.objects.count(), IndicatorReport.objects.count()


def _check_every_object_loaded(paths):
    """Loading by natural key updates an earlier row that has the same key: make sure none did."""
    expected = Counter()
    for path in paths:
        try:
            objects = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DeserializationError(f"{path.name} is not valid JSON: {exc}") from None
        expected.update(obj["model"] for obj in objects)
    for label, count in sorted(expected.items()):
        stored = apps.get_model(label).objects.count()
        if stored != count:
            raise ValidationError(f"{label}: {count} objects in the fixtures, {stored} stored (a repeated identifier?)")


def _version(paths) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()
