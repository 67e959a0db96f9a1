import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bench.synthetic import database
from bench.synthetic.sessions import FIRST_YEAR
from conferences.table_statistics import vacuum


class Command(BaseCommand):
    help = (
        "FOR BENCHMARK DATABASES ONLY. Replace the conferences, sources and figures with seeded synthetic "
        f"ones: every group's sessions since {FIRST_YEAR} (session numbers follow the years, hosts rotate "
        "among the members), and N figures spread over groups, provinces, indicators and periods, with "
        "Vietnamese quotes and values as written that the portal's parsers read back exactly. Groups, "
        "provinces and the indicator vocabulary are kept (loaded from the fixtures if missing). Runs in one "
        "transaction, fills the search columns and the facet counts, and records a new dataset version. "
        "Refuses a database that holds the real curated data unless --replace is given; `load_data --force` "
        "brings the real data back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--figures", type=int, required=True, help="How many figures to generate (N).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed and N give the same data.")
        parser.add_argument("--dry-run", action="store_true", help="Generate and check, then roll back.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Allow replacing the real curated data (benchmark databases only).",
        )

    def handle(self, *args, figures, seed, dry_run, replace, verbosity, **options):
        self.verbosity = verbosity
        if figures < 0:
            raise CommandError("--figures must be 0 or more.")
        if database.holds_curated_data() and not replace:
            raise CommandError(
                "This database holds the real curated data. generate_synthetic is for benchmark databases only; "
                "pass --replace to overwrite it anyway (`load_data --force` restores the real data)."
            )
        started = time.monotonic()
        with transaction.atomic():
            summary = database.generate(figures=figures, seed=seed, log=self._log)
            if dry_run:
                transaction.set_rollback(True)
        if not dry_run:
            vacuum(database.CHANGED_MODELS)  # PostgreSQL: index-only scans need the visibility map
        verb = "Generated, then rolled back," if dry_run else "Generated"
        timings = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in summary.seconds.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {summary.conferences} sessions, {summary.sources} sources and {summary.figures} figures "
                f"in {time.monotonic() - started:.1f}s ({timings}); data version {summary.version}."
            )
        )

    def _log(self, message):
        if self.verbosity >= 2:
            self.stdout.write(message)
