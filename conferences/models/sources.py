"""The public pages the data was taken from, and their statements of which provinces make up a group.

What each source states about a session (mentions, officials, figures) is in ``sessions`` and
``figures``: every one of those rows points to a ``Source``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from listings.search import SearchableModel
from regions.models import RegionMembership


class SlugQuerySet(models.QuerySet):
    """Fixtures refer to rows by slug so that they read well in a diff."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Source(SearchableModel):
    """A public page a conference's facts were taken from.

    Either its text is kept (a captured article: ``file_name``, ``text_sha256``, and short verbatim
    quotes are published), or it is not (a record: only facts, the numbers and short terms as printed,
    and where on the page each stands). The page text itself is never published.
    """

    slug = models.SlugField(_("identifier"), unique=True)
    text_kept = models.BooleanField(
        _("text kept"), default=True, help_text=_("Whether the page's text is kept (and quoted) or only its facts.")
    )
    file_name = models.CharField(_("captured text"), max_length=100, blank=True)
    text_sha256 = models.CharField(_("SHA-256 of the captured text"), max_length=64, blank=True)
    url = models.URLField(_("page address"), max_length=500, blank=True)
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)
    publication = models.CharField(_("publication"), max_length=200, blank=True)
    publication_note = models.TextField(_("about the publication"), blank=True)
    title = models.CharField(_("title as printed"), max_length=300, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_as_written = models.CharField(_("publication date as written"), max_length=100, blank=True)
    reproduction_notice = models.TextField(
        _("reproduction notice"),
        blank=True,
        help_text=_("The publisher's notice, verbatim, where it restricts reproduction."),
    )

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["file_name"], condition=~models.Q(file_name=""), name="source_file_unique"),
            models.CheckConstraint(
                condition=models.Q(text_kept=True) & ~models.Q(file_name="") & ~models.Q(text_sha256="")
                | models.Q(text_kept=False, file_name="", text_sha256=""),
                name="source_text_kept_has_file",
            ),
        ]

    def __str__(self):
        return self.title or self.publication or self.slug

    def natural_key(self):
        return (self.slug,)

    def search_names(self):
        return [self.publication, self.title]

    def search_extra(self):
        return [self.author]


class MembershipStatement(models.Model):
    """A source that states a province's membership of a group, and where it does.

    A membership whose basis is "stated" has at least one (``build_fixtures`` checks it); an inferred
    one has none. It lives here, beside the sources' other statements, so that the models of ``regions``
    need none of ``conferences``.
    """

    membership = models.ForeignKey(
        RegionMembership, verbose_name=_("group membership"), on_delete=models.CASCADE, related_name="statements"
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="membership_statements"
    )
    locator = models.CharField(_("where in the source"), max_length=200)

    class Meta:
        ordering = ["membership", "source"]
        verbose_name = _("membership statement")
        verbose_name_plural = _("membership statements")
        constraints = [
            models.UniqueConstraint(fields=["membership", "source"], name="membership_statement_unique"),
        ]

    def __str__(self):
        return f"{self.source} → {self.membership}"
