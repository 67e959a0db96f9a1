from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from curation.draft import draft_article
from curation.draft_review import review_page
from curation.problems import CurationError


class Command(BaseCommand):
    help = (
        "Draft the annotation of a new article for a person to review: its source, the sessions it names "
        "(updating one the data holds as announced), every figure found and every number left over, each "
        "uncertain value marked # TODO. Writes fixtures/annotations/<article>.toml unless told otherwise; "
        "never overwrites an existing file. With --html, also writes the review page."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The article's text (UTF-8), e.g. fixtures/sources/005_x.txt.")
        parser.add_argument(
            "--output", type=Path, help="Where to write the draft. Default: fixtures/annotations/<article>.toml."
        )
        parser.add_argument(
            "--stdout", dest="to_stdout", action="store_true", help="Print the draft instead of writing a file."
        )
        parser.add_argument(
            "--html",
            type=Path,
            help="Also write the review page here: the article with every number marked by what became of it, "
            "beside the drafted entries (one HTML file, opens in any browser).",
        )
        parser.add_argument(
            "--fixtures-dir",
            type=Path,
            default=settings.FIXTURE_DIRS[0],
            help="Reference data and built fixtures to draft against. Default: the project's fixtures/.",
        )

    def handle(self, *args, path, output, to_stdout, fixtures_dir, html, **options):
        path, fixtures_dir = Path(path), Path(fixtures_dir)  # call_command passes keyword options unparsed
        if not path.is_file():
            raise CommandError(f"No article at {path}.")
        try:
            draft = draft_article(path, fixtures_dir)
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not UTF-8 text: {exc}") from None
        except CurationError as exc:
            raise CommandError(f"The reference data in {fixtures_dir} is broken:\n{exc}") from None
        text = draft.toml()
        if not draft.was_nfc:
            self.stderr.write(f"Warning: {path} is not NFC-normalised; save it as NFC before building.")
        target = None if to_stdout else Path(output) if output else fixtures_dir / "annotations" / f"{path.stem}.toml"
        if target and target.exists():
            raise CommandError(f"{target} exists; the draft never overwrites a file. Use --output or --stdout.")
        if html:
            html = Path(html)
            html.parent.mkdir(parents=True, exist_ok=True)
            html.write_text(review_page(draft, toml_name=str(target or "")), encoding="utf-8")
            (self.stderr if target is None else self.stdout).write(f"Wrote {html}: the review page, for a browser.")
        if target is None:
            self.stdout.write(text, ending="")
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        todos = sum(entry.has_todo for entry in draft.entries)
        self.stdout.write(
            f"Wrote {target}: {len(draft.conferences)} conference(s), {len(draft.figures)} figure(s), "
            f"{len(draft.not_figures)} number(s) set aside; {todos} entries marked TODO to review. "
            "Then run `python manage.py build_fixtures`."
        )
