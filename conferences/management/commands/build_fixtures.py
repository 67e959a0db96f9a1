from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from curation.build import build
from curation.problems import CurationError


class Command(BaseCommand):
    help = (
        "Check every annotation against its article and the reference data, then write "
        "fixtures/regions.json and fixtures/conferences.json. Fails, naming the file, the line and "
        "the problem, when a quote is not verbatim or a value does not match its quote."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail when the committed fixtures differ from a fresh build (for CI).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Build and check, report what would change, write nothing."
        )
        parser.add_argument(
            "--fixtures-dir", type=Path, default=settings.FIXTURE_DIRS[0], help="Default: the project's fixtures/."
        )

    def handle(self, *args, check, dry_run, fixtures_dir, **options):
        try:
            built = build(fixtures_dir)
        except CurationError as exc:
            raise CommandError(f"{len(exc.problems)} problem(s) in the curated data:\n{exc}") from None
        changed = [name for name, text in built.items() if _read(fixtures_dir / name) != text]
        if check:
            if changed:
                raise CommandError(
                    f"Out of date: {', '.join(changed)}. Run `python manage.py build_fixtures` and commit the result."
                )
            self.stdout.write(self.style.SUCCESS("Fixtures are up to date."))
            return
        for name in changed:
            if not dry_run:
                (fixtures_dir / name).write_text(built[name], encoding="utf-8")
            self.stdout.write(f"{'Would write' if dry_run else 'Wrote'} {fixtures_dir / name}")
        if not changed:
            self.stdout.write(self.style.SUCCESS("Fixtures are up to date."))


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None
